package vn.kyso;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class KysoApplication {
    public static void main(String[] args) {
        SpringApplication.run(KysoApplication.class, args);
    }
}
