package dev.cobooauth.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Answers Cobo's transaction-approval callbacks on Spring WebFlux, with the decision of
 * {@link ApprovalCallbackEndpoint}: the body is joined on the event loop (at most
 * {@code cobo.webhook.max-body-size}), then verified, read and decided on the given executor, which
 * waits for the handler no longer than {@code cobo.webhook.callback-timeout}. Nothing that blocks
 * runs on an event loop; anything but a verified callback approved in time is answered {@code deny}.
 */
final class ReactiveApprovalCallbackEndpoint {

	private final ApprovalCallbackEndpoint endpoint;

	private final Scheduler blocking;

	ReactiveApprovalCallbackEndpoint(ApprovalCallbackEndpoint endpoint, Executor executor) {
		this.endpoint = endpoint;
		this.blocking = Schedulers.fromExecutor(executor);
	}

	Mono<ServerResponse> handle(ServerRequest request) {
		Mono<String> answer = DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), this.endpoint.maxBodySize())
			.map(ReactiveApprovalCallbackEndpoint::bytesOf)
			.defaultIfEmpty(new byte[0])
			.publishOn(this.blocking)
			.map((body) -> this.endpoint.answer(request.headers().asHttpHeaders(), body))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.fromSupplier(ApprovalCallbackEndpoint::tooLarge))
			.onErrorResume((ex) -> Mono.fromSupplier(() -> ApprovalCallbackEndpoint.denied("it could not be read", ex)));
		return answer.flatMap((text) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(text));
	}

	private static byte[] bytesOf(DataBuffer joined) {
		try (InputStream in = joined.asInputStream(true)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
