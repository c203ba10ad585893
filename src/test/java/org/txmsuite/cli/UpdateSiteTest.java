package org.txmsuite.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.TxmException;

/** A site built twice: checksums recomputed from db.xml.gz, file names, time stamps, previous versions. */
class UpdateSiteTest {
	@TempDir
	Path dir;

	Path jar(String name, String content, String builtBy) throws Exception {
		Path p = dir.resolve(name);
		Manifest m = new Manifest();
		m.getMainAttributes().putValue("Manifest-Version", "1.0");
		m.getMainAttributes().putValue("Built-By", builtBy);
		try (OutputStream os = Files.newOutputStream(p); JarOutputStream j = new JarOutputStream(os, m)) {
			j.putNextEntry(new JarEntry("org/"));
			j.putNextEntry(new JarEntry("org/A.txt"));
			j.write(content.getBytes(StandardCharsets.UTF_8));
			j.putNextEntry(new JarEntry("x.properties"));
			j.write(("#built " + builtBy + "\nkey=value\n").getBytes(StandardCharsets.UTF_8));
		}
		return p;
	}

	@Test
	void releasesKeepPreviousVersionsAndChecksumsMatchTheFiles() throws Exception {
		Path site = dir.resolve("site");
		Map<String, Path> files = new LinkedHashMap<>();
		files.put("jars/txm-suite.jar", jar("a1.jar", "one", "monday"));
		files.put("jars/poi-5.4.1.jar", jar("lib.jar", "lib", "x"));
		assertEquals(List.of("jars/txm-suite.jar", "jars/poi-5.4.1.jar"),
			UpdateSite.update(site, files, "jars/txm-suite.jar", "TXM", "20261122010000"));

		// Same content rebuilt on another day (manifest and properties comments differ): no new version.
		files.put("jars/txm-suite.jar", jar("a2.jar", "one", "tuesday"));
		assertEquals(List.of(), UpdateSite.update(site, files, "jars/txm-suite.jar", "TXM", "20261122020000"));

		files.put("jars/txm-suite.jar", jar("a3.jar", "two", "tuesday"));
		assertEquals(List.of("jars/txm-suite.jar"), UpdateSite.update(site, files, "jars/txm-suite.jar", "TXM", "20261122030000"));

		Map<String, UpdateSite.Record> db = UpdateSite.read(site.resolve("db.xml.gz"));
		UpdateSite.Record main = db.get("jars/txm-suite.jar");
		assertEquals("20261122030000", main.current.timestamp);
		assertEquals(1, main.previous.size());
		assertEquals("20261122010000", main.previous.get(0).timestamp);
		assertEquals(List.of("jars/poi-5.4.1.jar"), main.dependencies);
		for (UpdateSite.Record r : db.values()) {
			Path f = site.resolve(r.filename + "-" + r.current.timestamp);
			assertTrue(Files.exists(f), f.toString());
			assertEquals(UpdateSiteChecksum.of(f, r.filename), r.current.checksum, r.filename);
			assertEquals(Files.size(f), r.current.filesize);
			for (UpdateSite.Version p : r.previous)
				assertEquals(UpdateSiteChecksum.of(site.resolve(r.filename + "-" + p.timestamp), r.filename), p.checksum);
		}
		assertTrue(Files.exists(site.resolve("jars/txm-suite.jar-20261122010000")));
	}

	@Test
	void refusesToShadowFijiJars() throws Exception {
		Map<String, Path> files = Map.of("jars/imglib2-9.0.0.jar", jar("i.jar", "x", "y"));
		TxmException e = assertThrows(TxmException.class, () -> UpdateSite.update(dir.resolve("s"), files, null, "", "20260101000000"));
		assertTrue(e.getMessage().contains("Fiji already provides imglib2.jar"), e.getMessage());
	}
}
