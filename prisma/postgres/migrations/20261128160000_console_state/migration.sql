-- CreateTable
CREATE TABLE "ConsoleState" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "ConsoleState_pkey" PRIMARY KEY ("key")
);
