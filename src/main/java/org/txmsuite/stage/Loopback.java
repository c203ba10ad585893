package org.txmsuite.stage;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.regex.Pattern;

import org.txmsuite.core.TxmException;

import com.cosylab.epics.caj.CAJContext;
import com.cosylab.epics.caj.impl.CAResponseHandler;

import gov.aps.jca.CAException;
import gov.aps.jca.configuration.ConfigurationException;
import gov.aps.jca.configuration.DefaultConfiguration;

/**
 * Channel Access on loopback only. Every address list the suite's CA server and clients use must hold
 * nothing but 127.x.y.z addresses and automatic address lists must be off; otherwise they refuse to
 * start. Clients are configured explicitly (not from system properties or EPICS_* variables) with the
 * repeater disabled.
 */
public final class Loopback {
	/** The only host CA traffic may go to. */
	public static final String HOST = "127.0.0.1";
	/** Largest array a client or the server accepts: a 2048x2048 16-bit frame with room to spare. */
	public static final int MAX_ARRAY_BYTES = 2048 * 2048 * 2 + (1 << 20);

	private static final Pattern LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(:\\d{1,5})?");

	private Loopback() {}

	/**
	 * Throws unless every address of a blank-separated CA address list is a literal loopback address and
	 * the automatic list (all broadcast addresses of all interfaces) is off.
	 */
	public static void require(String what, String addressList, boolean automatic) {
		if (automatic)
			throw new TxmException(what + ": automatic address list is on, which reaches every network interface; "
				+ "TXM Suite only runs Channel Access on loopback (" + HOST + ")");
		String list = addressList == null ? "" : addressList.trim();
		if (list.isEmpty()) return;
		for (String a : list.split("\\s+"))
			if (!LOOPBACK.matcher(a).matches())
				throw new TxmException(what + ": address '" + a + "' in list '" + list + "' is not a loopback address; "
					+ "TXM Suite only runs Channel Access on loopback (" + HOST + ")");
	}

	/** A TCP and UDP port on 127.0.0.1 that is free right now (the OS picks it). */
	public static int freePort() {
		for (int attempt = 0; attempt < 20; attempt++) {
			try (ServerSocket s = new ServerSocket()) {
				s.setReuseAddress(false);
				s.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
				int port = s.getLocalPort();
				try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), port))) {
					return port;
				}
				catch (IOException busy) {
					// UDP side taken: try another
				}
			}
			catch (IOException e) {
				throw new TxmException("cannot find a free port on " + HOST + ": " + e.getMessage(), e);
			}
		}
		throw new TxmException("cannot find a free TCP+UDP port on " + HOST);
	}

	/** Makes sure this JVM never forks a CA repeater (an external process that would outlive the run). */
	public static void disableRepeater() {
		if (System.getProperty("CA_DISABLE_REPEATER") == null) System.setProperty("CA_DISABLE_REPEATER", "true");
	}

	/**
	 * A Channel Access client that searches only 127.0.0.1 at {@code serverPort} and reads search replies
	 * on a socket bound to 127.0.0.1 ({@link LoopbackUdp}).
	 */
	public static CAJContext client(int serverPort) {
		disableRepeater();
		DefaultConfiguration c = new DefaultConfiguration("CAJContext");
		c.setAttribute("addr_list", HOST);
		c.setAttribute("auto_addr_list", "false");
		c.setAttribute("server_port", Integer.toString(serverPort));
		c.setAttribute("max_array_bytes", Integer.toString(MAX_ARRAY_BYTES));
		c.setAttribute("connection_timeout", "5.0");
		LoopbackClient ctx = new LoopbackClient();
		try {
			ctx.configure(c);
		}
		catch (ConfigurationException e) {
			throw new TxmException("cannot configure the Channel Access client: " + e.getMessage(), e);
		}
		require("Channel Access client", ctx.getAddressList(), ctx.isAutoAddressList());
		try {
			ctx.initialize();
			ctx.searchOnLoopback();
		}
		catch (CAException | IOException e) {
			ctx.dispose();
			throw new TxmException("cannot start the Channel Access client: " + e.getMessage(), e);
		}
		return ctx;
	}

	/** A client context whose UDP socket (search requests and replies) is bound to 127.0.0.1. */
	static final class LoopbackClient extends CAJContext {
		void searchOnLoopback() throws IOException {
			broadcastTransport = LoopbackUdp.replace(this, broadcastTransport, new CAResponseHandler(this), 0, null, getReactor(),
				getLeaderFollowersThreadPool());
		}

		/** Local address of the UDP socket (for tests). */
		InetSocketAddress udpAddress() {
			return (InetSocketAddress) broadcastTransport.getChannel().socket().getLocalSocketAddress();
		}
	}
}
