package org.txmsuite.segment;

import java.util.ArrayList;
import java.util.List;

import org.txmsuite.core.TxmException;

/**
 * 6-connected flood fills and connected components on a byte label volume ({@code depth} slices of
 * {@code w*h} codes). A flood changes voxels of one code into another; a queue of packed voxel
 * indices (z*w*h + i) grows with the front only, so memory stays proportional to the front.
 */
public final class Regions {
	private final byte[][] labels;
	private final int w, h, d, wh;
	private int[] queue = new int[1 << 16];
	private int head, tail, size;
	private byte watched;
	private boolean watching;

	/** One connected component: its size, bounding box, a seed voxel and whether it touches the border. */
	public static final class Component {
		public long voxels;
		public int seed, x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, z0 = Integer.MAX_VALUE, x1 = -1, y1 = -1, z1 = -1;
		public boolean border;
		/** Whether a 6-neighbour has the watched code (see {@link Regions#watch}). */
		public boolean touches;
	}

	public Regions(byte[][] labels, int w, int h) {
		if ((long) w * h * labels.length >= Integer.MAX_VALUE)
			throw new TxmException("volume of " + w + "x" + h + "x" + labels.length + " voxels is too large (at most 2^31 voxels)");
		this.labels = labels;
		this.w = w;
		this.h = h;
		this.d = labels.length;
		this.wh = w * h;
	}

	/** Components found from now on record whether they touch voxels of this code. */
	public Regions watch(byte code) {
		watched = code;
		watching = true;
		return this;
	}

	/** Changes every voxel of code {@code from} connected to the volume's border into {@code to}; returns the count. */
	public long floodFromBorder(byte from, byte to) {
		long n = 0;
		for (int z = 0; z < d; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					if (z != 0 && z != d - 1 && y != 0 && y != h - 1 && x != 0 && x != w - 1) {
						if (x == 1) x = w - 2;
						continue;
					}
					int i = y * w + x;
					if (labels[z][i] == from) n += flood(z * wh + i, from, to, null);
				}
		return n;
	}

	/** Changes the component of {@code from} at the seed into {@code to}; returns its size. */
	public long flood(int seed, byte from, byte to) {
		return flood(seed, from, to, null);
	}

	private long flood(int seed, byte from, byte to, Component stats) {
		int z0 = seed / wh, i0 = seed % wh;
		if (labels[z0][i0] != from) return 0;
		labels[z0][i0] = to;
		push(seed);
		long n = 0;
		while (size > 0) {
			int p = pop();
			int z = p / wh, i = p % wh, y = i / w, x = i % w;
			n++;
			if (stats != null) {
				stats.x0 = Math.min(stats.x0, x); stats.x1 = Math.max(stats.x1, x);
				stats.y0 = Math.min(stats.y0, y); stats.y1 = Math.max(stats.y1, y);
				stats.z0 = Math.min(stats.z0, z); stats.z1 = Math.max(stats.z1, z);
				if (x == 0 || y == 0 || x == w - 1 || y == h - 1 || (d > 1 && (z == 0 || z == d - 1))) stats.border = true;
			}
			byte[] s = labels[z];
			if (watching && stats != null && !stats.touches)
				stats.touches = (x > 0 && s[i - 1] == watched) || (x < w - 1 && s[i + 1] == watched) || (y > 0 && s[i - w] == watched)
					|| (y < h - 1 && s[i + w] == watched) || (z > 0 && labels[z - 1][i] == watched) || (z < d - 1 && labels[z + 1][i] == watched);
			if (x > 0 && s[i - 1] == from) { s[i - 1] = to; push(p - 1); }
			if (x < w - 1 && s[i + 1] == from) { s[i + 1] = to; push(p + 1); }
			if (y > 0 && s[i - w] == from) { s[i - w] = to; push(p - w); }
			if (y < h - 1 && s[i + w] == from) { s[i + w] = to; push(p + w); }
			if (z > 0 && labels[z - 1][i] == from) { labels[z - 1][i] = to; push(p - wh); }
			if (z < d - 1 && labels[z + 1][i] == from) { labels[z + 1][i] = to; push(p + wh); }
		}
		if (stats != null) {
			stats.voxels = n;
			stats.seed = seed;
		}
		return n;
	}

	/**
	 * Every connected component of code {@code from}, each changed into {@code to} (which must differ from
	 * {@code from}); flood a component again from its seed to give it its final code.
	 */
	public List<Component> components(byte from, byte to) {
		List<Component> out = new ArrayList<>();
		for (int z = 0; z < d; z++) {
			byte[] s = labels[z];
			for (int i = 0; i < wh; i++)
				if (s[i] == from) {
					Component c = new Component();
					flood(z * wh + i, from, to, c);
					out.add(c);
				}
		}
		return out;
	}

	/** Changes every voxel of one code into another. */
	public void replace(byte from, byte to) {
		java.util.stream.IntStream.range(0, d).parallel().forEach(z -> {
			byte[] s = labels[z];
			for (int i = 0; i < wh; i++) if (s[i] == from) s[i] = to;
		});
	}

	private void push(int p) {
		if (size == queue.length) {
			int[] q = new int[queue.length * 2];
			for (int k = 0; k < size; k++) q[k] = queue[(head + k) % queue.length];
			queue = q;
			head = 0;
			tail = size;
		}
		queue[tail] = p;
		tail = (tail + 1) % queue.length;
		size++;
	}

	private int pop() {
		int p = queue[head];
		head = (head + 1) % queue.length;
		size--;
		return p;
	}
}
