package io.iterdef.bench.system.agents;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.HdrHistogram.Histogram;

import io.iterdef.bench.system.BenchEnv;
import io.iterdef.bench.system.ChildJvm;
import io.iterdef.bench.system.Outcome;
import io.iterdef.bench.system.SystemBenchmark;

/**
 * {@code agents}: simulated agents long-polling the real agent server over HTTPS on loopback (its own database on
 * the stack's PostgreSQL), tasks created through the admin API at a steady rate for random agents. Reports polls
 * answered per second, and p50/p99 from a task's creation (its POST sent) to its pickup (the poll response carrying
 * it arrives): medians of several windows.
 */
public final class AgentsBenchmark implements SystemBenchmark {

	/** -Diterdef.bench.agents=N: another number of agents (500 quick, 10,000 full). */
	static final String AGENTS_PROPERTY = "iterdef.bench.agents";

	/** The server's request threads (ITERDEF_AGENT_THREADS): far fewer than agents, as polls wait without one. */
	static final int REQUEST_THREADS = 64;

	/** Enrollments in flight at once. */
	static final int ENROLL_PARALLEL = 32;

	/** Agents connecting at once (a first poll without waiting: a TLS handshake each). */
	static final int CONNECTING = 64;

	/** The server's enrollment limit per source address and minute, raised: every agent enrolls from 127.0.0.1. */
	static final int ENROLL_PER_MINUTE = 10_000_000;

	@Override
	public String name() {
		return "agents";
	}

	@Override
	public Outcome run(BenchEnv env) throws Exception {
		Plan plan = env.quick() ? new Plan(Integer.getInteger(AGENTS_PROPERTY, 500), 10, 20, 2, Duration.ofSeconds(5))
				: new Plan(Integer.getInteger(AGENTS_PROPERTY, 10_000), 30, 100, 3, Duration.ofSeconds(20));
		Path dir = env.dir("agents");
		String secret = UUID.randomUUID().toString();
		String adminToken = UUID.randomUUID().toString();
		int port = freePort();
		System.out.println("bench: agents: " + plan.agents() + " agents, tasks at " + plan.tasksPerSecond()
				+ "/s, " + plan.windows() + " windows of " + plan.window().toSeconds() + " s");
		try (AgentsDatabase database = AgentsDatabase.create(env.jdbcUrl(), env.dbUser(), env.dbPassword(),
				env.unique("agents").replace('-', '_'))) {
			Map<String, String> serverEnv = new LinkedHashMap<>();
			serverEnv.put("ITERDEF_DB_URL", database.url());
			serverEnv.put("ITERDEF_AGENT_PORT", Integer.toString(port));
			serverEnv.put("ITERDEF_DATA_DIR", dir.resolve("data").toString());
			serverEnv.put("ITERDEF_TOPIC_PREFIX", env.unique("agents") + ".");
			serverEnv.put("ITERDEF_AGENT_ENROLLMENT_SECRET", secret);
			serverEnv.put("ITERDEF_AGENT_ADMIN_TOKEN", adminToken);
			serverEnv.put("ITERDEF_AGENT_APPROVAL_REQUIRED", "false");
			serverEnv.put("ITERDEF_AGENT_ENROLL_PER_MINUTE", Integer.toString(ENROLL_PER_MINUTE));
			serverEnv.put("ITERDEF_AGENT_MAX_CONNECTIONS", Integer.toString(plan.agents() + 2000));
			serverEnv.put("ITERDEF_AGENT_DB_POOL", "20");
			serverEnv.put("ITERDEF_AGENT_THREADS", Integer.toString(REQUEST_THREADS));
			ExecutorService executor = Executors.newFixedThreadPool(4);
			try (ChildJvm server = ChildJvm.agentServer(env, serverEnv, List.of(serverHeap(plan)),
					dir.resolve("agent-server.log"))) {
				server.awaitLog(ServerFingerprint.LOG_TEXT, Duration.ofMinutes(3));
				AgentServerApi api = new AgentServerApi(URI.create("https://127.0.0.1:" + port),
						ServerFingerprint.in(server.log()), adminToken, Math.max(1, plan.agents() / 2500), executor);
				return measure(plan, api, server, env.unique("agents"), secret);
			}
			finally {
				executor.shutdownNow();
			}
		}
	}

	private Outcome measure(Plan plan, AgentServerApi api, ChildJvm server, String hostPrefix, String secret)
			throws Exception {
		PickupClock clock = new PickupClock();
		Outcome.Builder outcome = new Outcome.Builder(name());
		try (SimulatedAgents agents = new SimulatedAgents(api, clock, plan.agents(), hostPrefix);
				TaskFeed feed = new TaskFeed(api, agents, clock, plan.tasksPerSecond())) {
			long start = System.nanoTime();
			agents.enroll(secret, ENROLL_PARALLEL, Duration.ofMinutes(10));
			double enrollPerSecond = plan.agents() / seconds(System.nanoTime() - start);
			System.out.printf("bench: agents: %d enrolled, %.0f/s%n", plan.agents(), enrollPerSecond);
			agents.start(plan.waitSeconds(), CONNECTING);
			awaitConnected(agents, plan);
			warmUpAdmin(api, agents, clock);
			feed.start();
			Thread.sleep(3000);
			clock.window();
			feed.answerTimes();
			List<Window> windows = new ArrayList<>();
			for (int i = 0; i < plan.windows(); i++) {
				windows.add(window(agents, clock, feed, server, plan.window()));
				System.out.println("bench: agents: window " + (i + 1) + ": " + windows.get(i) + "; " + feed.created()
						+ " tasks created, " + feed.failed() + " failed, " + clock.outstanding() + " not picked up yet, "
						+ agents.failed() + " polls failed");
			}
			report(outcome, plan, enrollPerSecond, windows, agents, feed, clock);
		}
		return outcome.build();
	}

	/**
	 * Waits until every agent had a poll answered (its TLS connection is up and the server serves it), or ten
	 * minutes have passed (then it is measured as it is, and the note says so).
	 */
	private static void awaitConnected(SimulatedAgents agents, Plan plan) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + Duration.ofMinutes(10).toNanos();
		long report = start;
		while (agents.connected() < plan.agents() && System.nanoTime() - deadline < 0) {
			Thread.sleep(200);
			if (System.nanoTime() - report > 10_000_000_000L) {
				report = System.nanoTime();
				System.out.println("bench: agents: " + agents.connected() + " of " + plan.agents()
						+ " agents served so far");
			}
		}
		System.out.printf("bench: agents: %d of %d agents served after %.0f s, %d polls failed so far%n",
				agents.connected(), plan.agents(), seconds(System.nanoTime() - start), agents.failed());
	}

	/** One task through the admin API before the feed starts: its connection's TLS handshake is not measured. */
	private static void warmUpAdmin(AgentServerApi api, SimulatedAgents agents, PickupClock clock) throws Exception {
		UUID taskId = UUID.randomUUID();
		clock.created(taskId.toString(), System.nanoTime());
		api.createTask(taskId, agents.agentId(0)).get(5, java.util.concurrent.TimeUnit.MINUTES);
	}

	private static Window window(SimulatedAgents agents, PickupClock clock, TaskFeed feed, ChildJvm server,
			Duration length) throws InterruptedException {
		long answered = agents.answered();
		long start = System.nanoTime();
		Thread.sleep(length.toMillis());
		double elapsed = seconds(System.nanoTime() - start);
		Histogram pickups = clock.window();
		Histogram creations = feed.answerTimes();
		ProcStatus status = ProcStatus.of(server.pid());
		return new Window((agents.answered() - answered) / elapsed, millis(pickups, 50), millis(pickups, 99),
				pickups.getTotalCount(), millis(creations, 50), agents.connected(),
				status.threads(), status.rssKiB() / 1024.0);
	}

	private void report(Outcome.Builder outcome, Plan plan, double enrollPerSecond, List<Window> windows,
			SimulatedAgents agents, TaskFeed feed, PickupClock clock) {
		outcome.measure("agents served", Windows.median(windows, Window::served), "agents")
			.measure("polls answered", Windows.median(windows, Window::pollsPerSecond), "req/s")
			.measure("task pickup p50", Windows.median(windows, Window::p50Millis), "ms")
			.measure("task pickup p99", Windows.median(windows, Window::p99Millis), "ms")
			.measure("task creation POST p50", Windows.median(windows, Window::createP50Millis), "ms")
			.measure("enrollment", enrollPerSecond, "agents/s")
			.measure("server threads", Windows.median(windows, Window::serverThreads), "threads")
			.measure("server RSS", Windows.median(windows, Window::serverRssMiB), "MiB")
			.note(plan.agents() + " agents on one HTTPS server on loopback, each long-polling again at once (wait "
					+ plan.waitSeconds() + " s); tasks (agent.info) created through the admin API POST /admin/v1/tasks at "
					+ plan.tasksPerSecond() + "/s for random agents, pickup timed from the POST sent to the poll "
					+ "response received; medians of " + plan.windows() + " windows of " + plan.window().toSeconds()
					+ " s")
			.note("enrollment limit raised for the run: ITERDEF_AGENT_ENROLL_PER_MINUTE=" + ENROLL_PER_MINUTE
					+ " (all agents enroll from 127.0.0.1), " + ENROLL_PARALLEL + " enrollments in flight; the server "
					+ "runs with ITERDEF_AGENT_THREADS=" + REQUEST_THREADS + " request threads and " + serverHeap(plan));
		if (agents.failed() > 0 || feed.failed() > 0 || clock.unknownPickups() > 0) {
			outcome.note(agents.failed() + " polls failed (last: " + message(agents.lastError()) + "), "
					+ feed.failed() + " task creations failed (last: " + message(feed.lastError()) + "), "
					+ clock.unknownPickups() + " pickups of unknown or repeated tasks");
		}
		if (Windows.median(windows, Window::served) < plan.agents()) {
			outcome.note("not every agent was served: the client or server could not hold " + plan.agents()
					+ " connections (see the server log; fds, memory, CPU)");
		}
	}

	/** About 200 KiB of heap per connection (TLS buffers) and 500 MiB for the rest. */
	static String serverHeap(Plan plan) {
		return "-Xmx" + (512 + plan.agents() * 200L / 1024) + "m";
	}

	/** A percentile in milliseconds; NaN for a window without values (left out of the medians). */
	static double millis(Histogram micros, double percentile) {
		return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
	}

	private static String message(Throwable error) {
		return error == null ? "none" : String.valueOf(error.getMessage());
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static int freePort() throws java.io.IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The run's size: agents, their long poll's wait (30 s: an agent's), task rate, measured windows. */
	record Plan(int agents, int waitSeconds, double tasksPerSecond, int windows, Duration window) {
	}

}
