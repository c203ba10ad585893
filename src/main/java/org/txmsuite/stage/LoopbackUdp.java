package org.txmsuite.stage;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.locks.LockSupport;

import com.cosylab.epics.caj.impl.BroadcastTransport;
import com.cosylab.epics.caj.impl.CAConstants;
import com.cosylab.epics.caj.impl.CAContext;
import com.cosylab.epics.caj.impl.ResponseHandler;
import com.cosylab.epics.caj.impl.reactor.Reactor;
import com.cosylab.epics.caj.impl.reactor.ReactorHandler;
import com.cosylab.epics.caj.impl.reactor.lf.LeaderFollowersHandler;
import com.cosylab.epics.caj.impl.reactor.lf.LeaderFollowersThreadPool;

/**
 * jca binds the UDP socket of a server (name searches, beacons) and of a client (search replies) to
 * every interface. This swaps such a transport, right after the context is initialized, for one bound
 * to 127.0.0.1 with the same destinations, so that no datagram from another host is ever read.
 */
final class LoopbackUdp {
	private LoopbackUdp() {}

	/**
	 * Closes {@code stock} and returns its replacement bound to 127.0.0.1:{@code port} (0: a free port),
	 * sending to the same addresses, registered with {@code reactor} (through {@code pool} if not null).
	 *
	 * @param connect the replacement's connect address; null: the stock transport's
	 */
	static BroadcastTransport replace(CAContext ctx, BroadcastTransport stock, ResponseHandler handler, int port,
		InetSocketAddress connect, Reactor reactor, LeaderFollowersThreadPool pool) throws IOException {
		InetSocketAddress[] targets = stock.getBroadcastAddresses(), ignored = stock.getIgnoredAddresses();
		InetSocketAddress to = connect != null ? connect : stock.getConnectAddress();
		stock.close(); // the reactor thread unregisters and closes the channel
		long end = System.nanoTime() + 5_000_000_000L;
		while (stock.getChannel().isOpen() && System.nanoTime() < end) LockSupport.parkNanos(200_000);
		if (stock.getChannel().isOpen()) throw new IOException("the stock UDP socket did not close");
		DatagramChannel ch = DatagramChannel.open();
		ch.configureBlocking(false);
		DatagramSocket socket = ch.socket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getByName(Loopback.HOST), port));
		BroadcastTransport loop = new BroadcastTransport(ctx, handler, ch, to, CAConstants.CA_MINOR_PROTOCOL_REVISION);
		if (targets != null) loop.setBroadcastAddresses(targets);
		if (ignored != null) loop.setIgnoredAddresses(ignored);
		reactor.register(ch, SelectionKey.OP_READ, pooled(reactor, pool, loop));
		return loop;
	}

	/** A handler as jca registers it: through the leader-followers pool when there is one. */
	static ReactorHandler pooled(Reactor reactor, LeaderFollowersThreadPool pool, ReactorHandler h) {
		return pool == null ? h : new LeaderFollowersHandler(reactor, h, pool);
	}
}
