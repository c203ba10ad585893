package org.txmsuite.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files under a temporary name in the target's folder and moves them into place, so a failed
 * or interrupted run never leaves a half-written file under the real name.
 */
public final class AtomicFiles {
	/** Writes one file at the given (temporary) path. */
	@FunctionalInterface
	public interface Writer {
		void write(Path tmp) throws IOException;
	}

	private AtomicFiles() {}

	/** A temporary sibling of {@code target}: hidden, with the target's extension kept last. */
	public static Path temporaryFor(Path target) {
		String name = target.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String ext = dot > 0 ? name.substring(dot) : "";
		Path parent = target.toAbsolutePath().getParent();
		return parent.resolve("." + name + ".part-" + ProcessHandle.current().pid() + ext);
	}

	/** Writes {@code target} through a temporary file; on failure the temporary file is removed. */
	public static void write(Path target, Writer writer) throws IOException {
		Path parent = target.toAbsolutePath().getParent();
		if (parent != null) Files.createDirectories(parent);
		Path tmp = temporaryFor(target);
		try {
			writer.write(tmp);
			if (!Files.exists(tmp)) throw new IOException("nothing was written for " + target);
			move(tmp, target);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(tmp);
			throw e;
		}
	}

	/** Moves a finished temporary file into place, atomically where the file system allows. */
	public static void move(Path tmp, Path target) throws IOException {
		try {
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
