package dev.cobooauth.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The README's quick start as an application: nothing but the starter and {@link Wallets}. It lives
 * here, compiled and tested by {@link WalletsTest}, so that the code the README shows always works.
 */
@SpringBootApplication
public class QuickstartApplication {

	public static void main(String[] args) {
		SpringApplication.run(QuickstartApplication.class, args);
	}

}
