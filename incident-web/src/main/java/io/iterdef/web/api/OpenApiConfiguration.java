package io.iterdef.web.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description (springdoc) at /v3/api-docs, browsable at /swagger-ui.html, covering /api/** only
 * (springdoc.paths-to-match in application.yaml). The API authenticates with bearer tokens from
 * /account/tokens.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Iterdef incidents API", version = "v1",
		description = "Incidents as JSON. Authenticate with 'Authorization: Bearer itd_...', a token created at "
				+ "/account/tokens; it acts as its user, with the user's role. Errors are {\"error\", \"hint\"}."))
@SecurityScheme(name = OpenApiConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API token from /account/tokens (itd_...)")
class OpenApiConfiguration {

	static final String BEARER = "bearer";

}
