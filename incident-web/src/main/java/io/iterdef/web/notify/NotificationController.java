package io.iterdef.web.notify;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.iterdef.web.audit.AuditLog;
import io.iterdef.web.model.Paged;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/notifications: the outbox's delivery status, with retry-now for failed notifications. Leads and admins. */
@Controller
class NotificationController {

	static final String VIEW_NOTIFICATION_LIST = "admin/notifications/notificationList";

	static final List<String> STATUSES = List.of("pending", "sent", "failed");

	private final NotificationRepository outbox;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	NotificationController(NotificationRepository outbox, AuditLog audit, TransactionTemplate tx) {
		this.outbox = outbox;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/admin/notifications")
	String showNotificationList(@RequestParam(required = false) String incident,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page, Model model) {
		Long incidentId = null;
		String incidentText = incident == null ? "" : incident.trim().replaceFirst("^#", "");
		if (!incidentText.isEmpty()) {
			try {
				incidentId = Long.parseLong(incidentText);
			}
			catch (NumberFormatException ex) {
				model.addAttribute("error", "'" + incident + "' is not an incident number: type the number, e.g. 42.");
			}
		}
		String statusFilter = status != null && STATUSES.contains(status) ? status : null;
		Paged<Notification> result = outbox.find(incidentId, statusFilter, Paged.request(page, 50));
		model.addAttribute("page", result);
		model.addAttribute("notifications", result.content());
		model.addAttribute("incident", incidentText);
		model.addAttribute("status", statusFilter == null ? "" : statusFilter);
		model.addAttribute("statuses", STATUSES);
		return VIEW_NOTIFICATION_LIST;
	}

	@PostMapping("/admin/notifications/{notificationId}/retry")
	String retry(@PathVariable long notificationId, Principal principal, RedirectAttributes redirect) {
		Boolean retried = tx.execute(s -> {
			Notification n = outbox.findById(notificationId).orElse(null);
			if (n == null || !outbox.retryNow(notificationId)) {
				return false;
			}
			audit.append(principal.getName(), n.incidentId(), "notification.retry",
					Map.of("notification_id", notificationId, "status", n.status(), "attempts", n.attempts()),
					Map.of("notification_id", notificationId, "status", "pending"));
			return true;
		});
		redirect.addFlashAttribute("message", Boolean.TRUE.equals(retried)
				? "Notification " + notificationId + " is queued again and will be sent at the next poll."
				: "Notification " + notificationId + " is not failed (or no longer exists): only failed ones can be retried.");
		return "redirect:/admin/notifications";
	}

}
