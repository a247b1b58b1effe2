package io.iterdef.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Iterdef incident web: consumes alerts from Kafka into incidents in PostgreSQL and serves the analyst
 * pages. Configuration comes from the ITERDEF_* environment variables, see
 * {@link io.iterdef.web.system.IterdefEnvironment}.
 */
@SpringBootApplication
public class IncidentWebApplication {

	public static void main(String[] args) {
		SpringApplication.run(IncidentWebApplication.class, args);
	}

}
