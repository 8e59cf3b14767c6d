export namespace app {
	
	export class SystemInfo {
	    version: string;
	    commit: string;
	    mode: string;
	    dbPath: string;
	    webhookAddr: string;
	    startedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new SystemInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.commit = source["commit"];
	        this.mode = source["mode"];
	        this.dbPath = source["dbPath"];
	        this.webhookAddr = source["webhookAddr"];
	        this.startedAt = source["startedAt"];
	    }
	}

}

