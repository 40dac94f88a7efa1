package org.opengrievance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GrievanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GrievanceApplication.class, args);
    }
}
