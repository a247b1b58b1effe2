package io.iterdef.agent.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Iterdef agent server: the agent API over HTTPS (enrollment, long poll, results, uploads) and the task queue in
 * PostgreSQL. Configuration comes from the ITERDEF_* environment variables, see
 * {@link io.iterdef.agent.server.system.AgentServerEnvironment}.
 */
@SpringBootApplication
@EnableScheduling
public class AgentServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(AgentServerApplication.class, args);
	}

}
