package com.optoutbatch.notify;

import java.time.LocalDate;
import java.util.Map;

import com.optoutbatch.support.Workspace;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The alert of a nightly run whose application could not start or run (its database out
 * of reach, say): the notifications live in that application, so they are sent from a
 * small one of their own, with the mail and template support and the same settings, and
 * no database.
 */
public final class StartFailureAlert {

	private StartFailureAlert() {
	}

	/** Sends the alert of the failed night, and the digest, as a night's end would. */
	public static void send(String[] args, Map<String, Object> properties, LocalDate runDate, String reason) {
		SpringApplication notifier = new SpringApplication(Notifier.class);
		notifier.setWebApplicationType(WebApplicationType.NONE);
		notifier.setBannerMode(Banner.Mode.OFF);
		notifier.setLogStartupInfo(false);
		notifier.setRegisterShutdownHook(false);
		notifier.setDefaultProperties(properties);
		try (ConfigurableApplicationContext context = notifier.run(args)) {
			context.getBean(Notifications.class).afterNight(new NightEnd(runDate, NightEnd.State.FAILED, reason));
		}
		catch (RuntimeException e) {
			System.err.println("optout-batch: notice: the alert of the failed night could not be made: "
					+ e.getClass().getSimpleName());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MailSenderAutoConfiguration.class, ThymeleafAutoConfiguration.class })
	@EnableConfigurationProperties({ NotifySettings.class, Workspace.class })
	@Import(Notifications.class)
	static class Notifier {

	}

}
