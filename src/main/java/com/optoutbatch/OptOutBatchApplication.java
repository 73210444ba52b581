package com.optoutbatch;

import com.optoutbatch.launch.Launcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OptOutBatchApplication {

	public static void main(String[] args) {
		System.exit(Launcher.launch(OptOutBatchApplication.class, args));
	}

}
