package org.txmsuite.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checksums as the Fiji updater computes them (SHA-1, hex). A plain file: the digest of its path
 * relative to the Fiji folder (ASCII) followed by its bytes. A jar: its entries (directories too)
 * sorted by name, each contributing its name and then its content, except that lines of
 * {@code *.properties} entries starting with '#' lose their text (the newline stays) and
 * {@code META-INF/MANIFEST.MF} contributes only its name - so rebuilding a jar with new time stamps
 * does not change its checksum.
 */
public final class UpdateSiteChecksum {
	private UpdateSiteChecksum() {}

	public static String of(Path file, String relativePath) throws IOException {
		MessageDigest d = sha1();
		if (relativePath.endsWith(".jar")) jar(file, d);
		else {
			d.update(relativePath.getBytes(StandardCharsets.US_ASCII));
			d.update(Files.readAllBytes(file));
		}
		return hex(d.digest());
	}

	private static void jar(Path file, MessageDigest d) throws IOException {
		try (JarFile jar = new JarFile(file.toFile(), false)) {
			List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (JarEntry e : entries) {
				d.update(e.getName().getBytes(StandardCharsets.US_ASCII));
				if (e.getName().equals("META-INF/MANIFEST.MF")) continue;
				try (InputStream in = jar.getInputStream(e)) {
					byte[] content = in.readAllBytes();
					d.update(e.getName().endsWith(".properties") ? stripHashLines(content) : content);
				}
			}
		}
	}

	/** Drops the text of lines starting with '#', keeping their line ends. */
	static byte[] stripHashLines(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		boolean lineStart = true, skipping = false;
		for (byte b : in) {
			if (lineStart) skipping = b == '#';
			boolean eol = b == '\n' || b == '\r';
			if (!skipping || eol) out.write(b);
			lineStart = eol;
			if (eol) skipping = false;
		}
		return out.toByteArray();
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String hex(byte[] b) {
		StringBuilder s = new StringBuilder(b.length * 2);
		for (byte x : b) s.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
		return s.toString();
	}
}
