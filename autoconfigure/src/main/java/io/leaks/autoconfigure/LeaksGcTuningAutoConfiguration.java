package io.leaks.autoconfigure;

import java.time.Clock;

import io.leaks.gc.GcTuning;
import io.leaks.gc.VmFlagAccess;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Runtime GC tuning: manageable VM flags and presets. Start-up values are captured when
 * the {@link GcTuning} bean is created, so it is created eagerly with the context. Every
 * change is published as a {@code GcTuningChangedEvent}.
 */
@AutoConfiguration(after = LeaksAutoConfiguration.class, before = LeaksEndpointAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "leaks.enabled", matchIfMissing = true)
public final class LeaksGcTuningAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GcTuning leaksGcTuning(VmFlagAccess flags, ApplicationEventPublisher publisher) {
		return new GcTuning(flags, publisher::publishEvent, Clock.systemUTC());
	}

}
