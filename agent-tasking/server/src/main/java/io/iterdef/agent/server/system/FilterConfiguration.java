package io.iterdef.agent.server.system;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.server.agent.AdminTokenFilter;
import io.iterdef.agent.server.agent.AgentAuthenticationFilter;
import io.iterdef.agent.server.agent.AgentRepository;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Authentication of the agent API (agent credentials) and of the admin API (admin token). */
@Configuration(proxyBeanMethods = false)
class FilterConfiguration {

	@Bean
	FilterRegistrationBean<AgentAuthenticationFilter> agentAuthentication(AgentRepository agents) {
		FilterRegistrationBean<AgentAuthenticationFilter> bean = new FilterRegistrationBean<>(
				new AgentAuthenticationFilter(agents));
		bean.addUrlPatterns(AgentApi.PREFIX + "/*");
		bean.setOrder(1);
		return bean;
	}

	@Bean
	FilterRegistrationBean<AdminTokenFilter> adminToken(@Value("${iterdef.agent.admin-token:}") String token) {
		FilterRegistrationBean<AdminTokenFilter> bean = new FilterRegistrationBean<>(new AdminTokenFilter(token));
		bean.addUrlPatterns("/admin/*");
		bean.setOrder(2);
		return bean;
	}

}
