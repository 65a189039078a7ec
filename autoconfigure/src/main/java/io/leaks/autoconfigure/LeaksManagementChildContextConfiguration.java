package io.leaks.autoconfigure;

import io.leaks.actuate.LeaksEndpoint;
import io.leaks.actuate.LeaksEndpointPath;
import io.leaks.actuate.LeaksRequestFilter;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Servlet filters of the {@code leaks} endpoint for a separate management port
 * ({@code management.server.port}): actuator then runs in a child context with its own
 * servlet container, which does not see the main context's filters. (Exception resolvers
 * and controller advice need no copy: the child's dispatcher finds them in the parent
 * context.)
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(LeaksEndpointPath.class)
final class LeaksManagementChildContextConfiguration {

	@Bean
	FilterRegistrationBean<LeaksRequestFilter> leaksRequestFilter(LeaksEndpointPath path, LeaksEndpoint endpoint) {
		return LeaksEndpointAutoConfiguration.requestFilter(path, endpoint);
	}

}
