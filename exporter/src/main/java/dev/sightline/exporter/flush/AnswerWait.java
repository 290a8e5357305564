package dev.sightline.exporter.flush;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How the exporter thread waits for the next answer when it must (a full batch with every bulk slot
 * taken, a synchronous flush, close). Tests pass one that releases a held answer on virtual time.
 */
@FunctionalInterface
public interface AnswerWait {

  /** The next answer, or null if none came within {@code bound}. */
  Answer await(BlockingQueue<Answer> answers, Duration bound) throws InterruptedException;

  /** Blocks the calling thread up to the bound. */
  AnswerWait BLOCKING = (answers, bound) -> answers.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
}
