package com.optoutbatch.launch;

/**
 * The exit codes of a launch; scripts and cron mails rely on them. The README says what
 * each means.
 */
public enum ExitCode {

	COMPLETED(0), FAILED(1), USAGE(2), WORKSPACE_BUSY(3), ALREADY_COMPLETED(4),

	/**
	 * Completed, and the send lists are written, but an opt-out source could not be read
	 * whole.
	 */
	OPT_OUT_SOURCES_NOT_READ_WHOLE(5);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

	/** The exit code of this number; {@link #FAILED} for any other. */
	public static ExitCode of(int code) {
		for (ExitCode exitCode : values()) {
			if (exitCode.code == code) {
				return exitCode;
			}
		}
		return FAILED;
	}

}
