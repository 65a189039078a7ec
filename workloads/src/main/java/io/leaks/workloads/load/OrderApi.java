package io.leaks.workloads.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's own small API, which its self-traffic calls over real HTTP so Tomcat,
 * Spring MVC and Jackson allocate as they do in a real service.
 */
@RestController
public class OrderApi {

	@GetMapping("/api/orders/{id}")
	public Order order(@PathVariable long id) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		List<Order.Line> lines = new ArrayList<>();
		int count = 1 + random.nextInt(12);
		for (int i = 0; i < count; i++) {
			lines.add(new Order.Line("sku-" + random.nextInt(100_000), 1 + random.nextInt(4), random.nextInt(10_000)));
		}
		return new Order(id, "customer-" + (id % 9973), lines);
	}

	/**
	 * An order as the API answers it.
	 *
	 * @param id its id
	 * @param customer who placed it
	 * @param lines what is in it
	 */
	public record Order(long id, String customer, List<Line> lines) {

		/**
		 * One line of an order.
		 *
		 * @param sku the product
		 * @param quantity how many
		 * @param cents the price of one
		 */
		public record Line(String sku, int quantity, int cents) {

		}

	}

}
