package org.txmsuite.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.txmsuite.cli.LegacyBootstrap;

/**
 * Patches ImageJ 1.x for headless use once per test JVM, before any test class loads {@code ij.*}
 * (registered in META-INF/services), so macro tests work whatever order the tests run in.
 */
public class LegacyPreinitListener implements LauncherSessionListener {
	@Override
	public void launcherSessionOpened(LauncherSession session) {
		LegacyBootstrap.preinit();
	}
}
