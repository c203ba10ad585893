package org.txmsuite.cli;

/**
 * Patches ImageJ 1.x for headless use before any {@code ij.*} class loads (ij1-patcher's
 * {@code LegacyInjector.preinit()}), so IJ1 macros and {@code IJ.run} work without a display.
 * This class must not import or touch {@code ij.*}. Inside Fiji imagej-legacy has done this already.
 */
public final class LegacyBootstrap {
	private static boolean done;

	private LegacyBootstrap() {}

	public static synchronized void preinit() {
		if (done) return;
		done = true;
		if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
		if (isImageJLegacyPresent()) return;
		try {
			net.imagej.patcher.LegacyInjector.preinit();
		}
		catch (RuntimeException | LinkageError e) {
			System.err.println("txm: ImageJ 1.x patching failed (" + e + "); IJ1 macros may not run headless");
		}
	}

	/** True inside Fiji, where imagej-legacy owns ImageJ 1.x. */
	public static boolean isImageJLegacyPresent() {
		try {
			Class.forName("net.imagej.legacy.LegacyService", false, LegacyBootstrap.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException e) {
			return false;
		}
	}
}
