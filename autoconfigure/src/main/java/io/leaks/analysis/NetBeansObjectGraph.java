package io.leaks.analysis;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.netbeans.lib.profiler.heap.FieldValue;
import org.netbeans.lib.profiler.heap.GCRoot;
import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.Instance;
import org.netbeans.lib.profiler.heap.JavaClass;
import org.netbeans.lib.profiler.heap.JavaFrameGCRoot;
import org.netbeans.lib.profiler.heap.ObjectArrayInstance;
import org.netbeans.lib.profiler.heap.ObjectFieldValue;
import org.netbeans.lib.profiler.heap.PrimitiveArrayInstance;
import org.netbeans.lib.profiler.heap.ThreadObjectGCRoot;

/**
 * The {@link ObjectGraph} of a dump opened with Apache NetBeans' profiler heap library. Its
 * public API finds who refers to an object by scanning every referrer (a whole array for
 * an element), which is too slow for the retained sizes of big collections, so the
 * referrer ids and nearest-root pointers are read from its index directly, through method
 * handles on its package-private internals (the library's version is pinned; a test
 * covers every handle).
 */
final class NetBeansObjectGraph implements ObjectGraph {

	private static final String REFERENCE = "java.lang.ref.Reference";

	private static final int ARRAY_INDEX_THRESHOLD = 64;

	private final Heap heap;

	private final Internals internals;

	private final LongLongMap roots;

	private final Map<Long, Boolean> threadClasses = new HashMap<>();

	private final Map<Long, Boolean> referenceClasses = new HashMap<>();

	private final Map<Long, Boolean> collectionClasses = new HashMap<>();

	/** Element positions of the last large array asked about, which many paths share. */
	private long indexedArray;

	private LongLongMap arrayIndex = new LongLongMap();

	NetBeansObjectGraph(Heap heap) {
		this.heap = heap;
		this.internals = Internals.of(heap);
		var gcRoots = heap.getGCRoots();
		this.roots = new LongLongMap(gcRoots.size());
		for (Object root : gcRoots) {
			Instance instance = ((GCRoot) root).getInstance();
			if (instance != null) {
				this.roots.put(instance.getInstanceId(), 1);
			}
		}
	}

	/**
	 * Runs the library's search for the nearest path to a GC root of every object (one
	 * breadth-first traversal of the whole heap, after indexing every reference).
	 * @param anyInstance any object of the heap
	 */
	void computePaths(Instance anyInstance) {
		anyInstance.getNearestGCRootPointer();
	}

	Heap heap() {
		return this.heap;
	}

	@Override
	public long parent(long id) {
		if (this.roots.containsKey(id)) {
			return id;
		}
		return this.internals.nearestRootPointer(id);
	}

	@Override
	public boolean isRoot(long id) {
		return this.roots.containsKey(id);
	}

	@Override
	public GcRoot root(long id) {
		Instance instance = instance(id);
		GCRoot root = (instance != null) ? this.heap.getGCRoot(instance) : null;
		String className = (instance != null) ? className(id) : "?";
		if (root == null) {
			return new GcRoot(GcRootKind.OTHER, className, null, null);
		}
		if (root instanceof JavaFrameGCRoot frame) {
			ThreadObjectGCRoot thread = frame.getThreadGCRoot();
			String threadName = (thread != null && thread.getInstance() != null)
					? threadName(thread.getInstance().getInstanceId()) : null;
			String at = null;
			if (thread != null) {
				StackTraceElement[] stack = thread.getStackTrace();
				if (stack != null && frame.getFrameNumber() >= 0 && frame.getFrameNumber() < stack.length) {
					at = stack[frame.getFrameNumber()].toString();
				}
			}
			return new GcRoot(GcRootKind.THREAD_STACK, className, threadName, at);
		}
		return switch (root.getKind()) {
			case GCRoot.THREAD_OBJECT -> new GcRoot(GcRootKind.THREAD, className, threadName(id), null);
			case GCRoot.JNI_GLOBAL -> new GcRoot(GcRootKind.JNI_GLOBAL, className, null, null);
			case GCRoot.JNI_LOCAL -> new GcRoot(GcRootKind.JNI_LOCAL, className, null, null);
			case GCRoot.STICKY_CLASS -> new GcRoot(GcRootKind.SYSTEM_CLASS, className, null, null);
			case GCRoot.MONITOR_USED -> new GcRoot(GcRootKind.MONITOR, className, null, null);
			default -> new GcRoot(GcRootKind.OTHER, className, null, null);
		};
	}

	@Override
	public long shallowSize(long id) {
		Instance instance = instance(id);
		return (instance != null) ? instance.getSize() : 0;
	}

	@Override
	public String className(long id) {
		JavaClass represented = this.heap.getJavaClassByID(id);
		if (represented != null) {
			return represented.getName();
		}
		Instance instance = instance(id);
		return (instance != null) ? instance.getJavaClass().getName() : "?";
	}

	@Override
	public boolean isClassObject(long id) {
		return this.heap.getJavaClassByID(id) != null;
	}

	@Override
	public boolean isThread(long id) {
		Instance instance = instance(id);
		return instance != null && !isClassObject(id)
				&& isSubclass(instance.getJavaClass(), "java.lang.Thread", this.threadClasses);
	}

	@Override
	public boolean isCollection(long id) {
		Instance instance = instance(id);
		if (instance == null || isClassObject(id)) {
			return false;
		}
		return this.collectionClasses.computeIfAbsent(instance.getJavaClass().getJavaClassId(), (classId) -> {
			for (JavaClass current = instance.getJavaClass(); current != null; current = current.getSuperClass()) {
				String name = current.getName();
				if (name.startsWith("java.util.") && name.indexOf('.', "java.util.".length()) < 0
						|| name.startsWith("java.util.concurrent.") && name.indexOf('.', "java.util.concurrent.".length()) < 0) {
					return true;
				}
			}
			return false;
		});
	}

	@Override
	public @Nullable String threadName(long id) {
		Instance thread = instance(id);
		if (thread == null) {
			return null;
		}
		Object name = thread.getValueOfField("name");
		return (name instanceof Instance string) ? string(string) : null;
	}

	@Override
	public void forEachReference(long id, LongConsumer target) {
		JavaClass represented = this.heap.getJavaClassByID(id);
		if (represented != null) {
			forEachObjectField(represented.getStaticFieldValues(), target, false);
			return;
		}
		Instance instance = instance(id);
		if (instance instanceof ObjectArrayInstance array) {
			for (Object element : array.getValues()) {
				if (element instanceof Instance referenced) {
					target.accept(referenced.getInstanceId());
				}
			}
		}
		else if (instance != null && !(instance instanceof PrimitiveArrayInstance)) {
			forEachObjectField(instance.getFieldValues(), target, isReference(instance.getJavaClass()));
		}
	}

	@Override
	public void forEachReferrer(long id, LongConsumer source) {
		this.internals.forEachReferrer(id, source);
	}

	@Override
	public boolean refersStrongly(long from, long to) {
		return !weaklyOnly(from, to);
	}

	@Override
	public @Nullable Edge edge(long from, long to) {
		JavaClass represented = this.heap.getJavaClassByID(from);
		if (represented != null) {
			Edge field = fieldEdge(represented.getStaticFieldValues(), to, ReferenceKind.STATIC_FIELD);
			return (field != null) ? field : classEdge(from, to);
		}
		Instance instance = instance(from);
		if (instance instanceof ObjectArrayInstance array) {
			long index = elementIndex(array, to);
			return (index >= 0) ? new Edge(ReferenceKind.ARRAY_ELEMENT, "[" + index + "]") : null;
		}
		if (instance == null) {
			return null;
		}
		Edge field = fieldEdge(instance.getFieldValues(), to, ReferenceKind.INSTANCE_FIELD);
		return (field != null) ? field : classEdge(instance.getJavaClass().getJavaClassId(), to);
	}

	private @Nullable Edge classEdge(long classId, long to) {
		return (classId == to) ? new Edge(ReferenceKind.CLASS, "<class>") : null;
	}

	private long elementIndex(ObjectArrayInstance array, long element) {
		if (array.getLength() < ARRAY_INDEX_THRESHOLD) {
			List<?> values = array.getValues();
			for (int i = 0; i < values.size(); i++) {
				if (values.get(i) instanceof Instance value && value.getInstanceId() == element) {
					return i;
				}
			}
			return -1;
		}
		if (this.indexedArray != array.getInstanceId()) {
			List<?> values = array.getValues();
			LongLongMap index = new LongLongMap(values.size());
			for (int i = values.size() - 1; i >= 0; i--) {
				if (values.get(i) instanceof Instance value) {
					index.put(value.getInstanceId(), i);
				}
			}
			this.arrayIndex = index;
			this.indexedArray = array.getInstanceId();
		}
		return this.arrayIndex.get(element, -1);
	}

	private static @Nullable Edge fieldEdge(List<?> values, long to, ReferenceKind kind) {
		for (Object value : values) {
			if (value instanceof ObjectFieldValue field && field.getInstance() != null
					&& field.getInstance().getInstanceId() == to) {
				return new Edge(kind, field.getField().getName());
			}
		}
		return null;
	}

	private void forEachObjectField(List<?> values, LongConsumer target, boolean reference) {
		for (Object value : values) {
			if (value instanceof ObjectFieldValue field && !(reference && isReferent(field))) {
				Instance referenced = field.getInstance();
				if (referenced != null) {
					target.accept(referenced.getInstanceId());
				}
			}
		}
	}

	/**
	 * Whether the referrer is a {@code java.lang.ref.Reference} whose only reference to
	 * the object is its referent, which does not keep the object alive.
	 */
	private boolean weaklyOnly(long referrer, long id) {
		Instance instance = instance(referrer);
		if (instance == null || instance instanceof ObjectArrayInstance || isClassObject(referrer)
				|| !isReference(instance.getJavaClass())) {
			return false;
		}
		for (Object value : instance.getFieldValues()) {
			if (value instanceof ObjectFieldValue field && !isReferent(field) && field.getInstance() != null
					&& field.getInstance().getInstanceId() == id) {
				return false;
			}
		}
		return true;
	}

	private static boolean isReferent(FieldValue field) {
		return "referent".equals(field.getField().getName())
				&& REFERENCE.equals(field.getField().getDeclaringClass().getName());
	}

	private boolean isReference(JavaClass type) {
		return isSubclass(type, REFERENCE, this.referenceClasses);
	}

	private static boolean isSubclass(JavaClass type, String ancestor, Map<Long, Boolean> known) {
		return known.computeIfAbsent(type.getJavaClassId(), (classId) -> {
			for (JavaClass current = type; current != null; current = current.getSuperClass()) {
				if (ancestor.equals(current.getName())) {
					return true;
				}
			}
			return false;
		});
	}

	private @Nullable Instance instance(long id) {
		return this.heap.getInstanceByID(id);
	}

	/**
	 * Decodes a {@code java.lang.String} of the dump: Latin-1 or UTF-16 bytes since JDK 9
	 * (compact strings), chars before.
	 */
	static @Nullable String string(Instance string) {
		Object value = string.getValueOfField("value");
		if (!(value instanceof PrimitiveArrayInstance array)) {
			return null;
		}
		List<?> items = array.getValues();
		StringBuilder text = new StringBuilder(items.size());
		if (array.getJavaClass().getName().startsWith("char")) {
			for (Object item : items) {
				text.append(item);
			}
			return text.toString();
		}
		Object coder = string.getValueOfField("coder");
		boolean utf16 = coder instanceof Number number && number.intValue() == 1;
		if (!utf16) {
			for (Object item : items) {
				text.append((char) (Byte.parseByte(item.toString()) & 0xff));
			}
			return text.toString();
		}
		// UTF-16 strings keep their chars in the platform's byte order; dumps come from
		// little-endian machines almost always.
		for (int i = 0; i + 1 < items.size(); i += 2) {
			int low = Byte.parseByte(items.get(i).toString()) & 0xff;
			int high = Byte.parseByte(items.get(i + 1).toString()) & 0xff;
			text.append((char) (low | (high << 8)));
		}
		return text.toString();
	}

	/**
	 * Method handles on the library's index: the pointer each object keeps to the next
	 * object on its nearest path to a GC root, and the ids of the objects that refer to it.
	 */
	record Internals(Object idToOffsetMap, MethodHandle get, MethodHandle nearestRootPointer,
			MethodHandle references, MethodHandle hasNext, MethodHandle next) {

		static Internals of(Heap heap) {
			try {
				MethodHandles.Lookup lookup = MethodHandles.lookup();
				Class<?> hprofHeap = heap.getClass();
				Field mapField = hprofHeap.getDeclaredField("idToOffsetMap");
				mapField.setAccessible(true);
				Object map = mapField.get(heap);
				Method get = map.getClass().getDeclaredMethod("get", long.class);
				get.setAccessible(true);
				Class<?> entry = get.getReturnType();
				Method pointer = entry.getDeclaredMethod("getNearestGCRootPointer");
				pointer.setAccessible(true);
				Method references = entry.getDeclaredMethod("getReferences");
				references.setAccessible(true);
				Class<?> iterator = references.getReturnType();
				Method hasNext = iterator.getDeclaredMethod("hasNext");
				hasNext.setAccessible(true);
				Method next = iterator.getDeclaredMethod("next");
				next.setAccessible(true);
				return new Internals(map,
						lookup.unreflect(get).asType(MethodType.methodType(Object.class, Object.class, long.class)),
						lookup.unreflect(pointer).asType(MethodType.methodType(long.class, Object.class)),
						lookup.unreflect(references).asType(MethodType.methodType(Object.class, Object.class)),
						lookup.unreflect(hasNext).asType(MethodType.methodType(boolean.class, Object.class)),
						lookup.unreflect(next).asType(MethodType.methodType(long.class, Object.class)));
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				throw new IllegalStateException("This version of the NetBeans profiler library (" + heap.getClass()
						+ ") is not the one the analyzer was built for: " + ex, ex);
			}
		}

		long nearestRootPointer(long id) {
			try {
				Object entry = this.get.invokeExact(this.idToOffsetMap, id);
				return (entry != null) ? (long) this.nearestRootPointer.invokeExact(entry) : NONE;
			}
			catch (Throwable ex) {
				throw rethrow(ex);
			}
		}

		void forEachReferrer(long id, LongConsumer source) {
			try {
				Object entry = this.get.invokeExact(this.idToOffsetMap, id);
				if (entry == null) {
					return;
				}
				Object iterator = this.references.invokeExact(entry);
				while ((boolean) this.hasNext.invokeExact(iterator)) {
					long referrer = (long) this.next.invokeExact(iterator);
					if (referrer != NONE && referrer != id) {
						source.accept(referrer);
					}
				}
			}
			catch (Throwable ex) {
				throw rethrow(ex);
			}
		}

		private static RuntimeException rethrow(Throwable ex) {
			if (ex instanceof RuntimeException runtime) {
				return runtime;
			}
			if (ex instanceof Error error) {
				throw error;
			}
			return new IllegalStateException(ex);
		}

	}

}
