package io.leaks.compat;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A host application with nothing but the starter, Spring MVC and Prometheus.
 */
@SpringBootApplication
public class CompatApplication {

}
