package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * Every plugin redeploy defines the plugin's class through a fresh class loader, and a
 * registry keeps the old instance, so neither the loader nor its classes are ever unloaded:
 * metaspace grows (and a little heap with it).
 */
public final class ClassLoaderLeak extends SteadyLeak {

	static final Rate DEFAULT_RATE = Rate.ofCount(100, Duration.ofMinutes(1));

	static final String PLUGIN = "io.leaks.workloads.plugin.ReportPlugin";

	static final int METHODS = 40;

	private final byte[] pluginClass = pluginClass(METHODS);

	private final List<Object> registry = new ArrayList<>();

	public ClassLoaderLeak(ScenarioSettings settings) {
		super(settings.countRateOr(DEFAULT_RATE, "classloader-leak", "classes"), settings.onsetOr(Duration.ZERO), 1);
	}

	@Override
	void keep(long index) {
		PluginClassLoader loader = new PluginClassLoader(index, getClass().getClassLoader());
		try {
			this.registry.add(loader.define(PLUGIN, this.pluginClass).getConstructor().newInstance());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot instantiate the generated plugin", ex);
		}
	}

	@Override
	void drop() {
		this.registry.clear();
	}

	@Override
	public String describe() {
		return "class-loader leak: every plugin redeploy defines " + PLUGIN + " (" + METHODS
				+ " methods) through a fresh PluginClassLoader that a registry keeps, " + pace();
	}

	/**
	 * A public class with a no-argument constructor and {@code methods} methods, each with a
	 * constant of its own, so each copy costs metaspace as a real class does.
	 */
	static byte[] pluginClass(int methods) {
		String name = PLUGIN.replace('.', '/');
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
		MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
		constructor.visitCode();
		constructor.visitVarInsn(Opcodes.ALOAD, 0);
		constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
		constructor.visitInsn(Opcodes.RETURN);
		constructor.visitMaxs(0, 0);
		constructor.visitEnd();
		for (int i = 0; i < methods; i++) {
			MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "render" + i, "(I)Ljava/lang/String;", null,
					null);
			method.visitCode();
			method.visitLdcInsn("section " + i + " of the quarterly report, rendered by a plugin");
			method.visitVarInsn(Opcodes.ILOAD, 1);
			method.visitLdcInsn(i * 31 + 7);
			method.visitInsn(Opcodes.IMUL);
			method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(I)Ljava/lang/String;",
					false);
			method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat",
					"(Ljava/lang/String;)Ljava/lang/String;", false);
			method.visitInsn(Opcodes.ARETURN);
			method.visitMaxs(0, 0);
			method.visitEnd();
		}
		writer.visitEnd();
		return writer.toByteArray();
	}

	/**
	 * One deployment's class loader.
	 */
	static final class PluginClassLoader extends ClassLoader {

		private final long deployment;

		PluginClassLoader(long deployment, ClassLoader parent) {
			super("plugin-" + deployment, parent);
			this.deployment = deployment;
		}

		Class<?> define(String name, byte[] bytes) {
			return defineClass(name, bytes, 0, bytes.length);
		}

		long deployment() {
			return this.deployment;
		}

	}

}
