package io.leaks.actuate;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Names a downloaded heap dump: {@code Content-Disposition: attachment;
 * filename="heapdump-....hprof"}. Without it, Spring MVC's protection against reflected
 * file downloads answers a path ending in {@code .hprof} with {@code inline;filename=f.txt}.
 * It acts only on the body of a successful download, just before it is written (and
 * before Spring MVC would add its own header); every other response is left alone. Spring
 * MVC also finds this advice from the child context that serves actuator on a separate
 * management port.
 */
@ControllerAdvice
public final class HeapDumpAttachmentAdvice implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return ResourceHttpMessageConverter.class.isAssignableFrom(converterType)
				|| ResourceRegionHttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		HeapDumpResource dump = heapDump(body);
		if (dump != null) {
			response.getHeaders()
				.set(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(dump.getFilename()).build().toString());
		}
		return body;
	}

	private static @Nullable HeapDumpResource heapDump(@Nullable Object body) {
		if (body instanceof HeapDumpResource dump) {
			return dump;
		}
		// A request with a Range header (resuming a download) gets regions of it instead.
		Object region = (body instanceof Collection<?> regions && !regions.isEmpty()) ? regions.iterator().next()
				: body;
		return (region instanceof ResourceRegion resourceRegion
				&& resourceRegion.getResource() instanceof HeapDumpResource dump) ? dump : null;
	}

}
