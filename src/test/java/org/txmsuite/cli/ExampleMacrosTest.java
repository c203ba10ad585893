package org.txmsuite.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.testing.TestContext;

/** Every example ImageJ macro in scripts/examples runs headless and reports success. */
class ExampleMacrosTest {
	@TempDir
	static Path dir;

	@BeforeAll
	static void install() {
		assertTrue(MacroBridge.install(TestContext.get()));
	}

	/** The headless batch example, with the launcher run from this test's class path (no jar build). */
	@org.junit.jupiter.api.Test
	void headlessBatchScript() throws Exception {
		Path launcher = dir.resolve("txm");
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Files.writeString(launcher, "#!/bin/sh\nexec '" + javaBin + "' -Djava.awt.headless=true --add-opens=java.base/java.lang=ALL-UNNAMED "
			+ "-DCA_DISABLE_REPEATER=true -cp '" + System.getProperty("java.class.path") + "' org.txmsuite.cli.TxmCli \"$@\"\n");
		assertTrue(launcher.toFile().setExecutable(true));
		ProcessBuilder pb = new ProcessBuilder("bash", "scripts/examples/headless_batch.sh", dir.resolve("batch").toString())
			.redirectErrorStream(true);
		pb.environment().put("TXM", launcher.toString());
		Process p = pb.start();
		String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor(), log);
		assertTrue(log.contains("TXM example OK"), log);
		String[] v = log.substring(log.indexOf("TXM example OK: ") + 16).split(" ");
		// a 1.2 um cube at 40 nm voxels through the whole chain: within 2 % (30 voxels across)
		assertEquals(1.728, Double.parseDouble(v[0]), 0.035, log);
	}

	@TestFactory
	Stream<DynamicTest> examples() throws Exception {
		List<Path> macros;
		try (Stream<Path> s = Files.list(Path.of("scripts/examples"))) {
			macros = s.filter(p -> p.toString().endsWith(".ijm")).sorted().collect(Collectors.toList());
		}
		assertFalse(macros.isEmpty());
		return macros.stream().map(m -> DynamicTest.dynamicTest(m.getFileName().toString(), () -> {
			Path work = Files.createDirectories(dir.resolve(m.getFileName().toString().replace(".ijm", "")));
			String log = MacroBridgeTest.runMacro(m, work.toString());
			assertTrue(log.contains("TXM example OK"), m + " printed:\n" + log);
		}));
	}
}
