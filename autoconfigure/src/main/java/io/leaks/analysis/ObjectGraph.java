package io.leaks.analysis;

import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The objects of a heap dump as the analysis sees them: ids, their nearest path to a GC
 * root, and their strong references. Weak, soft, final and phantom referents are not
 * references here: they do not keep anything alive.
 */
interface ObjectGraph {

	/** The id of no object. */
	long NONE = 0;

	/**
	 * The next object on the shortest path from the object to a GC root.
	 * @param id an object
	 * @return the object itself if it is a GC root, {@link #NONE} if no root reaches it
	 */
	long parent(long id);

	boolean isRoot(long id);

	/**
	 * The root an object is.
	 * @param id a GC root
	 * @return what keeps it alive
	 */
	GcRoot root(long id);

	long shallowSize(long id);

	/**
	 * The class of an object; for a {@code java.lang.Class} object, the class it stands for.
	 * @param id the object
	 * @return the class name as the dump writes it
	 */
	String className(long id);

	boolean isClassObject(long id);

	boolean isThread(long id);

	/**
	 * Whether an object is a JDK collection or of a class extending one (an anonymous
	 * {@code LinkedHashMap} with {@code removeEldestEntry}, a list subclass): such an object
	 * is a collection, whoever wrote its class.
	 * @param id the object
	 * @return whether its class is, or extends, a class of {@code java.util}
	 */
	boolean isCollection(long id);

	/**
	 * A thread's name.
	 * @param id a {@code java.lang.Thread}
	 * @return its name, or {@code null} if the dump does not say
	 */
	@Nullable String threadName(long id);

	void forEachReference(long id, LongConsumer target);

	/**
	 * Every object that refers to the object, weakly or strongly.
	 * @param id the object
	 * @param source told each referrer's id
	 */
	void forEachReferrer(long id, LongConsumer source);

	/**
	 * Whether a referrer keeps the object alive: {@code false} when its only reference is
	 * the referent of a {@code java.lang.ref.Reference}.
	 * @param from a referrer of the object
	 * @param to the object
	 * @return whether the reference is strong
	 */
	boolean refersStrongly(long from, long to);

	/**
	 * How one object refers to another.
	 * @param from the referring object
	 * @param to the referred object
	 * @return the reference, or {@code null} if {@code from} does not refer to {@code to}
	 */
	@Nullable Edge edge(long from, long to);

	/**
	 * A reference.
	 *
	 * @param kind what kind of reference
	 * @param name the field's name or the array index in brackets
	 */
	record Edge(ReferenceKind kind, String name) {

	}

}
