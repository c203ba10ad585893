package org.txmsuite.io;

import java.nio.ByteBuffer;

import org.txmsuite.core.TxmException;

/**
 * The Xradia {@code DataType} enum of {@code ImageInfo/DataType} and {@code ReferenceData/DataType}
 * (int32): 2 int8, 3 uint8, 4 int16, 5 uint16, 6 int32, 7 uint32, 8 int64, 9 uint64, 10 float32,
 * 11 float64. Pixels are little-endian.
 */
public enum XradiaDataType {
	INT8(2, 1), UINT8(3, 1), INT16(4, 2), UINT16(5, 2), INT32(6, 4), UINT32(7, 4), INT64(8, 8), UINT64(9, 8),
	FLOAT32(10, 4), FLOAT64(11, 8);

	public final int code;
	public final int bytes;

	XradiaDataType(int code, int bytes) {
		this.code = code;
		this.bytes = bytes;
	}

	/** The type with this code, or null if the code is not in the enum. */
	public static XradiaDataType ofCode(int code) {
		for (XradiaDataType t : values()) if (t.code == code) return t;
		return null;
	}

	/** The type with this code; the error names the file and stream. */
	static XradiaDataType require(int code, String where) {
		XradiaDataType t = ofCode(code);
		if (t == null)
			throw new TxmException(where + ": DataType " + code + " is not an Xradia data type; expected one of "
				+ "2 int8, 3 uint8, 4 int16, 5 uint16, 6 int32, 7 uint32, 8 int64, 9 uint64, 10 float32, 11 float64");
		return t;
	}

	/** Decodes {@code out.length} little-endian values of this type into float (unsigned types masked). */
	void decode(ByteBuffer b, float[] out) {
		int n = out.length;
		switch (this) {
			case INT8: for (int i = 0; i < n; i++) out[i] = b.get(i); break;
			case UINT8: for (int i = 0; i < n; i++) out[i] = b.get(i) & 0xFF; break;
			case INT16: for (int i = 0; i < n; i++) out[i] = b.getShort(2 * i); break;
			case UINT16: for (int i = 0; i < n; i++) out[i] = b.getShort(2 * i) & 0xFFFF; break;
			case INT32: for (int i = 0; i < n; i++) out[i] = b.getInt(4 * i); break;
			case UINT32: for (int i = 0; i < n; i++) out[i] = b.getInt(4 * i) & 0xFFFFFFFFL; break;
			case INT64: for (int i = 0; i < n; i++) out[i] = b.getLong(8 * i); break;
			case UINT64:
				for (int i = 0; i < n; i++) {
					long v = b.getLong(8 * i);
					out[i] = v >= 0 ? v : (float) ((v >>> 1) * 2.0 + (v & 1));
				}
				break;
			case FLOAT32: for (int i = 0; i < n; i++) out[i] = b.getFloat(4 * i); break;
			case FLOAT64: for (int i = 0; i < n; i++) out[i] = (float) b.getDouble(8 * i); break;
			default: throw new IllegalStateException(name());
		}
	}

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
