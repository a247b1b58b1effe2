package io.iterdef.web.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a notification as a JSON POST. Any 2xx answer counts as delivered; anything else, or no answer
 * within the timeout, is retried. The notification id goes in the body and in the Idempotency-Key and
 * X-Iterdef-Notification-Id headers, so a receiver can drop a repeat.
 */
@Component
class WebhookChannel {

	private final HttpClient http;

	private final Duration timeout;

	private final ObjectMapper json;

	WebhookChannel(ObjectMapper json, @Value("${iterdef.notify.webhook-timeout:PT10S}") Duration timeout) {
		this.json = json;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	void send(long notificationId, String url, String payloadJson) throws DeliveryException {
		ObjectNode body = (ObjectNode) json.readTree(payloadJson);
		body.put("notification_id", notificationId);
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(url))
				.timeout(timeout)
				.header("Content-Type", "application/json")
				.header("User-Agent", "iterdef-incident-web")
				.header("Idempotency-Key", "iterdef-notification-" + notificationId)
				.header("X-Iterdef-Notification-Id", Long.toString(notificationId))
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new DeliveryException("the webhook URL '" + url + "' is not valid: " + ex.getMessage());
		}
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status < 200 || status > 299) {
				String answer = response.body() == null ? "" : response.body().strip();
				throw new DeliveryException("webhook answered HTTP " + status
						+ (answer.isEmpty() ? "" : ": " + answer.substring(0, Math.min(200, answer.length()))));
			}
		}
		catch (IOException ex) {
			throw new DeliveryException("webhook " + url + " not reachable: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("interrupted while posting to the webhook");
		}
	}

}
