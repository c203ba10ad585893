package org.txmsuite.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.Service;

/** The SciJava plugin index lists every command, and commands follow the suite's conventions. */
class PluginIndexTest {

	static List<Class<?>> commandClasses() throws Exception {
		URL url = PluginIndexTest.class.getClassLoader().getResource("org/txmsuite/commands");
		assertNotNull(url, "no org.txmsuite.commands package on the class path");
		Path root = Path.of(url.toURI());
		List<Class<?>> out = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path p : (Iterable<Path>) files::iterator) {
				String rel = root.relativize(p).toString();
				if (!rel.endsWith(".class") || rel.contains("$")) continue;
				Class<?> c = Class.forName("org.txmsuite.commands." + rel.replace('/', '.').replace(".class", ""));
				Plugin a = c.getAnnotation(Plugin.class);
				if (a != null && a.type() == Command.class) out.add(c);
			}
		}
		return out;
	}

	static String mainIndex() throws IOException {
		Path idx = Path.of("target/classes/META-INF/json/org.scijava.plugin.Plugin");
		assertTrue(Files.exists(idx), "plugin index missing: " + idx);
		return Files.readString(idx, StandardCharsets.UTF_8);
	}

	@Test
	void indexListsEveryCommand() throws Exception {
		String index = mainIndex();
		List<Class<?>> commands = commandClasses();
		assertFalse(commands.isEmpty());
		for (Class<?> c : commands) {
			assertTrue(index.contains("\"class\":\"" + c.getName() + "\""), c.getName() + " missing from the plugin index");
			String menu = c.getAnnotation(Plugin.class).menuPath();
			assertTrue(menu.startsWith("Plugins>TXM Suite>"), c.getName() + " menu path " + menu);
		}
		assertTrue(index.contains("org.txmsuite.service.DefaultTxmService"));
	}

	@Test
	void parameterNamesAreSnakeCaseMacroKeys() throws Exception {
		for (Class<?> c : commandClasses())
			for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass())
				for (Field f : k.getDeclaredFields()) {
					if (f.getAnnotation(Parameter.class) == null || Service.class.isAssignableFrom(f.getType())) continue;
					assertTrue(f.getName().matches("[a-z][a-z0-9_]*"), c.getSimpleName() + "." + f.getName() + " is not snake_case");
				}
	}
}
