package io.leaks.demo.listeners;

/**
 * Event: an order was placed.
 *
 * @param orderId the order
 */
public record OrderPlaced(long orderId) {

}
