package org.txmsuite.stage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.txmsuite.core.TxmException;

import com.cosylab.epics.caj.cas.BeaconEmitter;
import com.cosylab.epics.caj.cas.CAJServerContext;
import com.cosylab.epics.caj.cas.CASResponseHandler;
import com.cosylab.epics.caj.cas.CASTransport;
import com.cosylab.epics.caj.impl.CAContext;
import com.cosylab.epics.caj.impl.ResponseHandler;
import com.cosylab.epics.caj.impl.reactor.ReactorHandler;

import gov.aps.jca.CAException;
import gov.aps.jca.cas.ProcessVariable;
import gov.aps.jca.cas.Server;
import gov.aps.jca.cas.ServerChannel;
import gov.aps.jca.configuration.ConfigurationException;
import gov.aps.jca.configuration.DefaultConfiguration;

/**
 * A Channel Access server context (org.epics:jca's CAS) that runs on loopback only:
 * <ul>
 * <li>configured explicitly (beacons to 127.0.0.1, automatic beacon list off), never from system
 * properties, which jca looks up by the runtime class name - a subclass would silently get the
 * broadcasting defaults; {@link #start} refuses to run if the effective settings reach any other
 * address;</li>
 * <li>accepts TCP connections on 127.0.0.1 only (the stock acceptor, which binds every interface, is
 * closed as soon as the context is initialized);</li>
 * <li>listens for name searches on 127.0.0.1 only: the stock UDP transport, also bound to every
 * interface, is replaced in the same way before the server runs, and the beacons go out through the
 * replacement;</li>
 * <li>answers libca clients (pyepics, caget) that ask for element count 0 ("the current length"),
 * which the stock server rejects with ECA_BADCOUNT, by passing on the process variable's length.</li>
 * </ul>
 */
public class LoopbackServerContext extends CAJServerContext {
	private static final short CMD_EVENT_ADD = 1, CMD_READ_NOTIFY = 15;

	private ServerSocketChannel loopbackAcceptor;
	private Thread runner;

	/** Configured for loopback at {@code port} (TCP and UDP). */
	public LoopbackServerContext(int port) {
		this(loopbackConfiguration(port));
	}

	/** Configured from {@code configuration}; {@link #start} checks that it stays on loopback. */
	public LoopbackServerContext(DefaultConfiguration configuration) {
		try {
			configure(configuration);
		}
		catch (ConfigurationException e) {
			throw new TxmException("cannot configure the Channel Access server: " + e.getMessage(), e);
		}
	}

	/** The loopback settings: beacons to 127.0.0.1 only, no automatic address list, the given port. */
	public static DefaultConfiguration loopbackConfiguration(int port) {
		DefaultConfiguration c = new DefaultConfiguration("CAJServerContext");
		c.setAttribute("beacon_addr_list", Loopback.HOST);
		c.setAttribute("auto_beacon_addr_list", "false");
		c.setAttribute("server_port", Integer.toString(port));
		c.setAttribute("max_array_bytes", Integer.toString(Loopback.MAX_ARRAY_BYTES));
		c.setAttribute("beacon_period", "15");
		return c;
	}

	/** Throws unless this context's effective settings keep all traffic on loopback. */
	public static void checkLoopback(CAJServerContext ctx) {
		Loopback.require("Channel Access server beacons", ctx.getBeaconAddressList(), ctx.isAutoBeaconAddressList());
	}

	/** Checks the settings, starts serving {@code server}'s process variables, and returns at once. */
	public synchronized void start(Server server) {
		checkLoopback(this);
		try {
			initialize(server);
		}
		catch (CAException | RuntimeException e) {
			throw new TxmException("cannot start the Channel Access server on port " + getServerPort() + ": " + e.getMessage(), e);
		}
		try {
			acceptor.destroy();
			loopbackAcceptor = ServerSocketChannel.open();
			loopbackAcceptor.socket().setReuseAddress(true);
			bindWhenFree(loopbackAcceptor, new InetSocketAddress(InetAddress.getByName(Loopback.HOST), getServerPort()));
			loopbackAcceptor.configureBlocking(false);
			getReactor().register(loopbackAcceptor, SelectionKey.OP_ACCEPT, pooled(this::accept));
			searchOnLoopback();
		}
		catch (IOException e) {
			close();
			throw new TxmException("cannot listen on " + Loopback.HOST + ":" + getServerPort() + ": " + e.getMessage(), e);
		}
		runner = new Thread(() -> {
			try {
				run(0);
			}
			catch (CAException | IllegalStateException e) {
				getLogger().log(Level.FINE, "CA server stopped", e);
			}
		}, "txm-ca-server-" + getServerPort());
		runner.setDaemon(true);
		runner.start();
	}

	/** Where the server listens: {TCP connections, UDP name searches} (for tests). */
	synchronized InetSocketAddress[] listening() {
		return new InetSocketAddress[] { (InetSocketAddress) loopbackAcceptor.socket().getLocalSocketAddress(),
			(InetSocketAddress) broadcastTransport.getChannel().socket().getLocalSocketAddress() };
	}

	/** Moves name searches and beacons to a UDP socket on 127.0.0.1 (same port), with a beacon emitter that uses it. */
	private void searchOnLoopback() throws IOException {
		int port = broadcastTransport.getChannel().socket().getLocalPort();
		broadcastTransport = LoopbackUdp.replace(this, broadcastTransport, new CASResponseHandler(this), port,
			new InetSocketAddress(InetAddress.getByName(Loopback.HOST), port), getReactor(), getLeaderFollowersThreadPool());
		beaconEmitter.destroy();
		beaconEmitter = new BeaconEmitter(broadcastTransport, this, beaconPeriod);
	}

	/** A handler as the stock server registers it: through the leader-followers pool when there is one. */
	private ReactorHandler pooled(ReactorHandler h) {
		return LoopbackUdp.pooled(getReactor(), getLeaderFollowersThreadPool(), h);
	}

	/** The stock acceptor closes its socket on the reactor thread: wait (up to 5 s) until the port is free. */
	private static void bindWhenFree(ServerSocketChannel ch, InetSocketAddress at) throws IOException {
		long end = System.nanoTime() + 5_000_000_000L;
		while (true) {
			try {
				ch.bind(at);
				return;
			}
			catch (java.net.BindException e) {
				if (System.nanoTime() > end) throw e;
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					throw e;
				}
			}
		}
	}

	private void accept(SelectionKey key) {
		if (!key.isValid() || !key.isAcceptable()) return;
		try {
			SocketChannel socket = ((ServerSocketChannel) key.channel()).accept();
			if (socket == null) return;
			if (!((InetSocketAddress) socket.getRemoteAddress()).getAddress().isLoopbackAddress()) {
				socket.close();
				return;
			}
			socket.configureBlocking(false);
			socket.socket().setTcpNoDelay(true);
			socket.socket().setKeepAlive(true);
			CASTransport transport = new CountZeroTransport(this, socket);
			getReactor().register(socket, SelectionKey.OP_READ, pooled(transport));
		}
		catch (IOException | RuntimeException e) {
			Logger.getLogger(LoopbackServerContext.class.getName()).log(Level.WARNING, "CA accept failed", e);
		}
	}

	/** Stops serving and frees the port (idempotent). */
	public synchronized void close() {
		try {
			if (loopbackAcceptor != null) {
				getReactor().unregisterAndClose(loopbackAcceptor);
				loopbackAcceptor.close();
			}
		}
		catch (IOException | RuntimeException e) {
			// closing anyway
		}
		try {
			if (!isDestroyed()) destroy();
		}
		catch (CAException | IllegalStateException e) {
			// already down
		}
		if (runner != null) {
			try {
				runner.join(300);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** A server transport that rewrites "count 0" reads and monitors to the process variable's length. */
	private static final class CountZeroTransport extends CASTransport {
		CountZeroTransport(CAContext context, SocketChannel channel) {
			super(context, channel);
			ResponseHandler stock = responseHandler;
			responseHandler = (address, transport, buffers) -> stock.handleResponse(address, transport, fixCount(buffers));
		}

		private ByteBuffer[] fixCount(ByteBuffer[] buffers) {
			ByteBuffer h = buffers[0];
			int p = h.position();
			short cmd = h.getShort(p);
			if (cmd != CMD_READ_NOTIFY && cmd != CMD_EVENT_ADD) return buffers;
			boolean extended = (h.getShort(p + 2) & 0xFFFF) == 0xFFFF && h.limit() - p >= 24;
			int count = extended ? h.getInt(p + 20) : h.getShort(p + 6) & 0xFFFF;
			if (count != 0) return buffers;
			int payload = extended ? h.getInt(p + 16) : h.getShort(p + 2) & 0xFFFF;
			int sid = h.getInt(p + 8);
			ServerChannel ch = getChannel(sid);
			if (ch == null) return buffers;
			ProcessVariable pv = ch.getProcessVariable();
			int n = Math.max(1, pv.getDimensionSize(0));
			ByteBuffer x = ByteBuffer.allocate(24);
			x.putShort(cmd).putShort((short) 0xFFFF).putShort(h.getShort(p + 4)).putShort((short) 0)
				.putInt(sid).putInt(h.getInt(p + 12)).putInt(payload).putInt(n).flip();
			ByteBuffer[] out = buffers.clone();
			out[0] = x;
			return out;
		}
	}
}
