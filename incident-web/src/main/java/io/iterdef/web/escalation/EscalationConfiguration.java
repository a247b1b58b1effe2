package io.iterdef.web.escalation;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on @Scheduled for the escalation poll and the notification sender. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EscalationConfiguration {

}
