package io.leaks.actuate;

/**
 * The operations of one feature of the {@code leaks} endpoint, served on the routes
 * {@link LeaksResource} binds to them. Each holds only its own feature's collaborators,
 * takes typed arguments and refuses with {@link LeaksOperationException}; the application
 * context holds one bean per feature that is on, and {@link LeaksEndpoint} routes to them.
 */
public interface LeaksOperations {

}
