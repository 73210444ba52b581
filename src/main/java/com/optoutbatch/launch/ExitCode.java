package com.optoutbatch.launch;

/** The exit codes of a launch; scripts and cron mails rely on them. */
public enum ExitCode {

	COMPLETED(0), FAILED(1), USAGE(2), WORKSPACE_BUSY(3), ALREADY_COMPLETED(4);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

}
