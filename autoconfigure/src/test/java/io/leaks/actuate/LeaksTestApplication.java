package io.leaks.actuate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A minimal application for tests over real HTTP: just auto-configuration, as a user's
 * application that adds the starter would have.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class LeaksTestApplication {

}
