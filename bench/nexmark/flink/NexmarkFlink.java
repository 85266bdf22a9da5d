// The Flink SQL side of the Nexmark bench: runs one Nexmark query file (sink DDL + INSERT, as in
// nexmark/nexmark) over the events file with parallelism 1, prints the job's net runtime as one
// JSON line, and (optionally) runs the query's SELECT again to write its changelog for the
// correctness check. Compiled with javac at bench time against the jars in bench/.cache/.
//
//   java -cp <jars>:<classes> NexmarkFlink --events FILE --sql FILE [--results FILE]

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

public final class NexmarkFlink {
  private static final Pattern INSERT_PREFIX = Pattern.compile("^\\s*INSERT\\s+INTO\\s+\\S+\\s+", Pattern.CASE_INSENSITIVE);

  public static void main(String[] args) throws Exception {
    String events = arg(args, "--events", null);
    String sqlFile = arg(args, "--sql", null);
    String results = arg(args, "--results", "");
    if (events == null || sqlFile == null) {
      System.err.println("usage: NexmarkFlink --events FILE --sql FILE [--results FILE]");
      System.exit(2);
    }
    List<String> statements = splitStatements(Files.readString(Path.of(sqlFile)));
    String insert = null;

    TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    env.getConfig().set("parallelism.default", "1");
    env.getConfig().set("pipeline.name", Path.of(sqlFile).getFileName().toString());
    for (String ddl : sourceDdl(Path.of(events).toAbsolutePath().toUri().toString())) env.executeSql(ddl);
    for (String s : statements) {
      if (INSERT_PREFIX.matcher(s).find()) insert = s;
      else env.executeSql(s);
    }
    if (insert == null) throw new IllegalArgumentException("no INSERT INTO statement in " + sqlFile);

    long t0 = System.nanoTime();
    TableResult run = env.executeSql(insert);
    JobExecutionResult job = run.getJobClient().orElseThrow().getJobExecutionResult().get();
    long wallNanos = System.nanoTime() - t0;
    System.out.println("{\"net_runtime_ms\":" + job.getNetRuntime() + ",\"wall_ms\":" + (wallNanos / 1_000_000) + "}");

    if (!results.isEmpty()) {
      Matcher m = INSERT_PREFIX.matcher(insert);
      String select = m.replaceFirst("");
      try (CloseableIterator<Row> rows = env.executeSql(select).collect();
          BufferedWriter out = Files.newBufferedWriter(Path.of(results), StandardCharsets.UTF_8)) {
        while (rows.hasNext()) {
          Row row = rows.next();
          out.write(row.getKind().shortString());
          out.write('\t');
          out.write(canonical(row));
          out.write('\n');
        }
      }
    }
    System.exit(0); // the local mini-cluster leaves non-daemon threads behind
  }

  /** Nexmark's source table over the events file (one JSON object per line) and its three views. */
  private static List<String> sourceDdl(String uri) {
    List<String> ddl = new ArrayList<>();
    ddl.add(
        "CREATE TABLE datagen (event_type INT,"
            + " person ROW<id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR, state VARCHAR, `dateTime` TIMESTAMP(3), extra VARCHAR>,"
            + " auction ROW<id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT, `dateTime` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR>,"
            + " bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, `dateTime` TIMESTAMP(3), extra VARCHAR>,"
            + " `dateTime` AS CASE WHEN event_type = 0 THEN person.`dateTime` WHEN event_type = 1 THEN auction.`dateTime` ELSE bid.`dateTime` END,"
            + " WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND"
            + ") WITH ('connector' = 'filesystem', 'path' = '" + uri + "', 'format' = 'json')");
    ddl.add("CREATE VIEW person AS SELECT person.id, person.name, person.emailAddress, person.creditCard, person.city, person.state, `dateTime`, person.extra FROM datagen WHERE event_type = 0");
    ddl.add("CREATE VIEW auction AS SELECT auction.id, auction.itemName, auction.description, auction.initialBid, auction.reserve, `dateTime`, auction.expires, auction.seller, auction.category, auction.extra FROM datagen WHERE event_type = 1");
    ddl.add("CREATE VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url, `dateTime`, bid.extra FROM datagen WHERE event_type = 2");
    return ddl;
  }

  /** Statements end with ';' at the end of a line; `--` comment lines are dropped. */
  private static List<String> splitStatements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.startsWith("--")) continue;
      cur.append(line).append('\n');
      if (t.endsWith(";")) {
        String s = cur.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) out.add(cur.toString().strip());
    return out;
  }

  /** The same canonical row text the TypeScript side writes (bench/nexmark/canonical.ts). */
  private static String canonical(Row row) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < row.getArity(); i++) {
      if (i > 0) sb.append(',');
      Object v = row.getField(i);
      if (v == null) sb.append("null");
      else if (v instanceof String s) quote(sb, s);
      else if (v instanceof BigDecimal d) sb.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
      else if (v instanceof LocalDateTime t) sb.append(t.toInstant(ZoneOffset.UTC).toEpochMilli());
      else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) sb.append(d.longValue());
      else sb.append(v);
    }
    return sb.append(']').toString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }

  private static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
    return dflt;
  }
}
