import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin.jabar@gugus.test' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken: string;
}

export class HandoffDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  handoff: string;
}
