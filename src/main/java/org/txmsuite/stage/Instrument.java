package org.txmsuite.stage;

/**
 * What a scan needs from a TXM: motors by axis name, the energy, and a camera. Calls block until the
 * instrument reports the operation done and throw {@link org.txmsuite.core.TxmException} with a clear
 * message when it refuses or stops answering.
 */
public interface Instrument extends AutoCloseable {
	/** A frame as read from the detector: raw unsigned 16-bit counts, row-major. */
	final class Frame {
		public final int width, height;
		public final short[] counts;
		public final long uniqueId;

		public Frame(int width, int height, short[] counts, long uniqueId) {
			this.width = width;
			this.height = height;
			this.counts = counts;
			this.uniqueId = uniqueId;
		}

		/** Counts as floats ({@code s & 0xFFFF}). */
		public float[] toFloat() {
			float[] f = new float[counts.length];
			for (int i = 0; i < f.length; i++) f[i] = counts[i] & 0xFFFF;
			return f;
		}
	}

	/** Soft limits {low, high} of an axis ({@code energy} included); equal values mean no limits. */
	double[] limits(String axis);

	/** Readback position of an axis. */
	double position(String axis);

	/** Moves an axis (or {@code energy}) and waits until it is done. */
	void move(String axis, double value);

	void setExposure(double seconds);

	void setBinning(int binning);

	/** Opens or closes the shutter (closed for dark frames). */
	void setShutter(boolean open);

	/** Takes one image and reads it back. */
	Frame acquire();

	/** Where the instrument is, for logs and messages. */
	String describe();

	@Override
	void close();
}
