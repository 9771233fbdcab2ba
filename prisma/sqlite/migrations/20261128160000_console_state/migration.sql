-- CreateTable
CREATE TABLE "ConsoleState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);
