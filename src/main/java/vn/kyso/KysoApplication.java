package vn.kyso;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class KysoApplication {
    public static void main(String[] args) {
        // Loading Bouncy Castle's provider takes most of a second; done beside Spring's own start-up
        // on the second core, it is ready by the time the CA needs it.
        Thread warm = new Thread(() -> vn.kyso.ca.Pki.BC.getName(), "kyso-warm-up");
        warm.setDaemon(true);
        warm.start();
        SpringApplication.run(KysoApplication.class, args);
    }
}
