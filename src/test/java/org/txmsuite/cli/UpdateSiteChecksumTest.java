package org.txmsuite.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The updater's checksum rules against the test vectors in REFERENCE section 2. */
class UpdateSiteChecksumTest {
	@TempDir
	Path dir;

	/** The jar a class comes from (by resource URL: ij1-patcher redefines some ij classes without a code source). */
	static Path jarOf(Class<?> c) throws Exception {
		String url = c.getClassLoader().getResource(c.getName().replace('.', '/') + ".class").toString();
		assertTrue(url.startsWith("jar:file:"), url);
		return Path.of(new java.net.URI(url.substring(4, url.indexOf("!/"))));
	}

	@Test
	void jarVectors() throws Exception {
		assertEquals("85970f95d8616127ab834e4d95c9a758f2420848", UpdateSiteChecksum.of(jarOf(ij.IJ.class), "jars/ij-1.54p.jar"));
		assertEquals("b3511aad299389d31ce7674dd8132642c63dbfe9",
			UpdateSiteChecksum.of(jarOf(org.scijava.Context.class), "jars/scijava-common-2.100.1.jar"));
		assertEquals("8834095c7cb63e9da87994ede15d2a2b8bfef6a2",
			UpdateSiteChecksum.of(jarOf(net.imglib2.img.Img.class), "jars/imglib2-8.0.0.jar"));
		assertEquals("b71337ba1b78c9c383b0a386b47593b87ab5b237",
			UpdateSiteChecksum.of(jarOf(org.scijava.parsington.ExpressionParser.class), "jars/parsington-3.1.0.jar"));
	}

	@Test
	void plainFileVectorsIncludeThePath() throws Exception {
		Path f = dir.resolve("Hello_World.py");
		Files.writeString(f, "print('hi')\n");
		assertEquals("93611fd12f214c1f65827746f3f472f32e357b6e", UpdateSiteChecksum.of(f, "scripts/Plugins/Demo/Hello_World.py"));
		assertEquals("c80537f6c0e32d73f09e83098f1e0fda8351260d", UpdateSiteChecksum.of(f, "scripts/Other/Hello_World.py"));
	}
}
