// The few web-platform globals the core relies on; present in browsers, workers and Node alike.
declare function atob(data: string): string;
declare function btoa(data: string): string;
