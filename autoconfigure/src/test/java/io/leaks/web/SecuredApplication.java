package io.leaks.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application that secures the leaks endpoint and the dashboard with one role, as
 * docs/dashboard.md recommends: {@code ops} has it, {@code dev} does not.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SecuredApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(EndpointRequest.to("leaks"))
			.hasRole("OPS")
			.requestMatchers("/leaks")
			.hasRole("OPS")
			.anyRequest()
			.permitAll());
		http.httpBasic(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(User.withUsername("ops").password("{noop}ops").roles("OPS").build(),
				User.withUsername("dev").password("{noop}dev").roles("DEV").build());
	}

}
