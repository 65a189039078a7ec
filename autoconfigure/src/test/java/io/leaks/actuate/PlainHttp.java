package io.leaks.actuate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client on a plain socket, one connection per request, that sends the
 * request target exactly as given: {@code java.net.http} and {@code java.net.URI} refuse
 * a query such as {@code ?a=%zz} before it is sent, and a fuzzer must send it.
 */
final class PlainHttp {

	private final int port;

	private final int timeoutMillis;

	PlainHttp(int port, int timeoutMillis) {
		this.port = port;
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Sends one request and reads the whole answer.
	 * @param method the method
	 * @param target the request target: path and query, already encoded
	 * @param headers headers besides {@code Host}, {@code Connection} and
	 * {@code Content-Length}, which this client sets
	 * @param body the body, or {@code null} for none
	 * @return the answer
	 * @throws IOException when the server does not answer, or not with HTTP
	 */
	Answer send(String method, String target, Map<String, String> headers, @Nullable String body)
			throws IOException {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null;
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		head.append("Host: localhost:").append(this.port).append("\r\n");
		head.append("Connection: close\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (content != null) {
			head.append("Content-Length: ").append(content.length).append("\r\n");
		}
		head.append("\r\n");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(this.timeoutMillis);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			if (content != null) {
				out.write(content);
			}
			out.flush();
			return parse(method, socket.getInputStream().readAllBytes());
		}
	}

	private static Answer parse(String method, byte[] response) throws IOException {
		int end = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
		if (end < 0) {
			throw new IOException("No HTTP answer: " + new String(response, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(response, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		String[] statusLine = lines[0].split(" ", 3);
		if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
			throw new IOException("No HTTP status line: " + lines[0]);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body = method.equals("HEAD") ? new byte[0] : Arrays.copyOfRange(response, end + 4, response.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Answer(Integer.parseInt(statusLine[1]), headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
		while (true) {
			int lineEnd = indexOf(chunked, crlf, at);
			if (lineEnd < 0) {
				throw new IOException("A chunked body that ends without its last chunk");
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt(((semicolon >= 0) ? size.substring(0, semicolon) : size).trim(), 16);
			if (length == 0) {
				return body.toByteArray();
			}
			body.write(chunked, lineEnd + 2, length);
			at = lineEnd + 2 + length + 2;
		}
	}

	private static int indexOf(byte[] bytes, byte[] part, int from) {
		for (int i = from; i <= bytes.length - part.length; i++) {
			if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * What the server answered.
	 *
	 * @param status the status code
	 * @param headers the headers, by lower-case name (the first of each)
	 * @param body the body as UTF-8, after any chunked transfer coding
	 */
	record Answer(int status, Map<String, String> headers, String body) {

		@Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
