package org.opengrievance.gate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Lets successful responses through untouched and holds back the body of an error (status 400 or more, or
 * {@code sendError}), so that the gate can answer with a problem instead of the engine's message, which can
 * carry SQL, class names, ids and submitted values.
 */
final class ErrorCapturingResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private int sentError = -1;
    private ServletOutputStream heldStream;
    private PrintWriter heldWriter;

    ErrorCapturingResponse(HttpServletResponse response) {
        super(response);
    }

    boolean isError() {
        return sentError >= 0 || getStatus() >= 400;
    }

    int errorStatus() {
        return sentError >= 0 ? sentError : getStatus();
    }

    /** The body the application wrote for the error (usually the engine's JSON). */
    String heldBody() {
        if (heldWriter != null) {
            heldWriter.flush();
        }
        return held.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void sendError(int sc) {
        sentError = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
        sentError = sc;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!isError()) {
            return super.getOutputStream();
        }
        if (heldStream == null) {
            heldStream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("no asynchronous output here");
                }

                @Override
                public void write(int b) {
                    held.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    held.write(b, off, len);
                }
            };
        }
        return heldStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!isError()) {
            return super.getWriter();
        }
        if (heldWriter == null) {
            heldWriter = new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8));
        }
        return heldWriter;
    }

    @Override
    public void setContentLength(int len) {
        if (!isError()) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!isError()) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setContentType(String type) {
        if (!isError()) {
            super.setContentType(type);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!isError() || !isBodyHeader(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!isError() || !isBodyHeader(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!isError()) {
            super.flushBuffer();
        }
    }

    private static boolean isBodyHeader(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Content-Type")
                || name.equalsIgnoreCase("Content-Encoding");
    }
}
