package dev.cobooauth.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One benchmark run of JMH's JSON result file: the method, its parameters, the primary score and,
 * per secondary result, the value of each measured iteration.
 *
 * @param benchmarkClass the simple name of the benchmark class
 * @param method the benchmark method
 * @param mode JMH's mode: {@code avgt}, {@code thrpt}, {@code ss} (single shot), ...
 * @param params the {@code @Param} values
 * @param threads the threads it ran with
 * @param forks the JVMs it ran in; each secondary result lists every fork's iterations in turn
 * @param score the primary score
 * @param error the half-width of the 99.9% confidence interval, NaN when JMH had too few samples
 * @param unit the primary score's unit
 * @param primary the primary score of each measured iteration, every fork's in turn
 * @param secondary each secondary result's per-iteration values
 */
record JmhResult(String benchmarkClass, String method, String mode, Map<String, String> params, int threads, int forks, double score,
		double error, String unit, List<Double> primary, Map<String, List<Double>> secondary) {

	static JmhResult of(JsonNode run) {
		String benchmark = run.path("benchmark").asString();
		String[] parts = benchmark.split("\\.");
		Map<String, String> params = new LinkedHashMap<>();
		run.path("params").properties().forEach((entry) -> params.put(entry.getKey(), entry.getValue().asString()));
		JsonNode primary = run.path("primaryMetric");
		Map<String, List<Double>> secondary = new LinkedHashMap<>();
		run.path("secondaryMetrics").properties().forEach((entry) -> secondary.put(entry.getKey(), rawData(entry.getValue())));
		return new JmhResult(parts[parts.length - 2], parts[parts.length - 1], run.path("mode").asString(), params, run.path("threads").asInt(),
				run.path("forks").asInt(1),
				primary.path("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
				primary.path("scoreUnit").asString(), rawData(primary), secondary);
	}

	private static List<Double> rawData(JsonNode metric) {
		List<Double> values = new ArrayList<>();
		for (JsonNode fork : metric.path("rawData").values()) {
			for (JsonNode value : fork.values()) {
				values.add(value.asDouble());
			}
		}
		return values;
	}

	boolean is(String benchmarkClass, String method) {
		return this.benchmarkClass.equals(benchmarkClass) && this.method.equals(method);
	}

	String param(String name) {
		return this.params.get(name);
	}

	/**
	 * @param perIteration values of every measured iteration, every fork's in turn (as {@link #primary}
	 * and {@link #secondary} hold them)
	 * @param half 0 for the first half of each fork's iterations, 1 for the second
	 * @return those iterations' values, empty if the list does not split evenly into forks
	 */
	List<Double> half(List<Double> perIteration, int half) {
		if (perIteration.isEmpty() || perIteration.size() % this.forks != 0) {
			return List.of();
		}
		int perFork = perIteration.size() / this.forks;
		List<Double> values = new ArrayList<>();
		for (int fork = 0; fork < this.forks; fork++) {
			int from = fork * perFork + ((half == 0) ? 0 : perFork / 2);
			int to = fork * perFork + ((half == 0) ? perFork / 2 : perFork);
			values.addAll(perIteration.subList(from, to));
		}
		return values;
	}

}
