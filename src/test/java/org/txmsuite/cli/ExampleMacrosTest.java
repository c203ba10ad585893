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
